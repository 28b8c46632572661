package io.camelwechat.component.wechat.internal.push;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;

/**
 * How a push receiver checks pushes. The token and the AES key are {@link Secret}s: printing the settings shows
 * neither.
 *
 * @param expectedAppId the appid a decrypted push must carry (the platform's appid for third-party pushes)
 * @param tickets       where component_verify_tickets are saved; null for the component's (the database's, when
 *                      it has one)
 */
public record PushSettings(Secret token, Secret encodingAesKey, String expectedAppId, String path,
        Duration timestampWindow, int maxBodySize, VerifyTicketStore tickets, Clock clock) {

    /** A platform-http path: WeChat's console takes a plain URL, and anything else would reach the HTTP server. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /**
     * @throws IllegalArgumentException naming the option that is missing or malformed (never showing a secret)
     */
    public PushSettings {
        if (token == null) {
            throw new IllegalArgumentException("wechat:events needs the token option: the push Token set in the "
                                               + "WeChat console");
        }
        if (Texts.indexOfControlCharacter(token.reveal()) >= 0) {
            throw new IllegalArgumentException("token must not contain control characters (CR, LF, NUL, ...)");
        }
        if (encodingAesKey != null) {
            PushCrypto.aesKey(encodingAesKey.reveal());
            if (expectedAppId == null || expectedAppId.isBlank()) {
                throw new IllegalArgumentException("wechat:events needs the appId option with encodingAesKey: the "
                                                   + "appid every decrypted push must carry");
            }
        }
        if (path == null || !PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
            || path.endsWith("/.") || path.endsWith("/..")) {
            throw new IllegalArgumentException("wechat:events path must be a plain URL path like /wechat/events "
                                               + "(letters, digits and - _ . ~ between slashes), got "
                                               + (path == null ? "null" : "'" + Texts.printable(path, 200) + "'"));
        }
    }
}
