package io.camelwechat.component.wechat.internal.client;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the component's one HTTP client connects: timeouts, pool size, an optional proxy and an optional TLS
 * context (null means the JVM default).
 */
public record HttpTransportSettings(
        Duration connectTimeout,
        Duration responseTimeout,
        int maxConnections,
        String proxyHost,
        int proxyPort,
        SSLContext sslContext) {

    public HttpTransportSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive, got " + responseTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (proxyHost != null && !proxyHost.isBlank() && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException("proxyPort must be between 1 and 65535 when proxyHost is set, got "
                                               + proxyPort);
        }
    }

    boolean hasProxy() {
        return proxyHost != null && !proxyHost.isBlank();
    }
}
