package io.camelwechat.component.wechat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.client.HttpTransportSettings;
import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.token.AccessTokenProvider;
import io.camelwechat.component.wechat.token.AppCredentials;
import io.camelwechat.component.wechat.token.AppSecretTokenFetcher;
import io.camelwechat.component.wechat.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.token.StaticAccessTokenProvider;
import io.camelwechat.component.wechat.token.TokenFetcher;
import io.camelwechat.component.wechat.token.TokenMode;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code wechat:} component. It owns what its endpoints share: one pooled HTTP client, the app secrets by
 * appid, and one token cache per token source, so that every endpoint acting for an account uses the same token.
 */
@Component("wechat")
public class WeChatComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Defaults for every endpoint option; an endpoint's own options override them.")
    private WeChatConfiguration configuration = new WeChatConfiguration();

    @Metadata(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration",
              description = "How long to wait for a TCP connection to WeChat.")
    private long connectTimeout = 5_000;

    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for WeChat's answer once the request is sent.")
    private long responseTimeout = 30_000;

    @Metadata(label = "advanced", defaultValue = "50",
              description = "The most connections the component's HTTP client keeps open to WeChat.")
    private int maxConnections = 50;

    @Metadata(label = "proxy", description = "Host of an HTTP proxy to reach WeChat through.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "Port of the HTTP proxy; required when proxyHost is set.")
    private Integer proxyPort;

    @Metadata(label = "security", description = "TLS settings (trust store, protocols) for the connection to "
                                                 + "WeChat; the JVM default when not set.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSLContextParameters when sslContextParameters is not "
                            + "set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", autowired = false,
              description = "The Caffeine Ticker the token cache reads time from; the system ticker by default. "
                            + "Tests set a fake ticker to move time instead of sleeping.")
    private Ticker ticker = Ticker.systemTicker();

    private final AppCredentials credentials = new AppCredentials();
    private final Map<TokenSource, AccessTokenProvider> tokenProviders = new ConcurrentHashMap<>();
    private WeChatHttpClient httpClient;

    /** Token caches are shared by every endpoint that gets its tokens from the same place the same way. */
    private record TokenSource(TokenMode mode, String baseUrl, Duration expiryMargin) {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WeChatApi api = WeChatApi.fromUriPath(remaining);
        WeChatEndpoint endpoint = new WeChatEndpoint(uri, this, api, configuration.copy());
        setProperties(endpoint, parameters);
        WeChatConfiguration endpointConfiguration = endpoint.getConfiguration();
        endpointConfiguration.tokenModeValue();
        if (endpointConfiguration.getOp() != null) {
            WeChatOperation.of(api, endpointConfiguration.getOp());
        }
        return endpoint;
    }

    /** The provider for an endpoint's configuration; registers its credentials so messages can act for it. */
    AccessTokenProvider tokenProvider(WeChatConfiguration endpointConfiguration) {
        TokenMode mode = endpointConfiguration.tokenModeValue();
        if (mode == TokenMode.STATIC) {
            return new StaticAccessTokenProvider(endpointConfiguration.getAccessToken());
        }
        credentials.register(endpointConfiguration.getAppId(), endpointConfiguration.getAppSecret());
        TokenSource source = new TokenSource(mode, endpointConfiguration.getBaseUrl(),
                endpointConfiguration.tokenExpiryMarginDuration());
        return tokenProviders.computeIfAbsent(source, this::newCachingProvider);
    }

    private AccessTokenProvider newCachingProvider(TokenSource source) {
        TokenFetcher fetcher = source.mode() == TokenMode.CLASSIC
                ? AppSecretTokenFetcher.classic(httpClient(), source.baseUrl(), credentials)
                : AppSecretTokenFetcher.stable(httpClient(), source.baseUrl(), credentials);
        return new CachingAccessTokenProvider(fetcher, source.expiryMargin(), ticker);
    }

    boolean knowsAccount(String appId) {
        return credentials.isKnown(appId);
    }

    synchronized WeChatHttpClient httpClient() {
        if (httpClient == null) {
            SSLContextParameters tls = sslContextParameters != null || !useGlobalSslContextParameters
                    ? sslContextParameters : retrieveGlobalSslContextParameters();
            try {
                httpClient = new WeChatHttpClient(new HttpTransportSettings(
                        Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout), maxConnections,
                        proxyHost, proxyPort == null ? 0 : proxyPort,
                        tls == null ? null : tls.createSSLContext(getCamelContext())));
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot create the TLS context from sslContextParameters: "
                                                   + e.getMessage(), e);
            }
        }
        return httpClient;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (httpClient != null) {
            try {
                httpClient.close();
            } catch (IOException e) {
                // closing pooled connections; nothing left to recover
            }
            httpClient = null;
        }
        tokenProviders.clear();
        super.doStop();
    }

    public WeChatConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WeChatConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Ticker getTicker() {
        return ticker;
    }

    public void setTicker(Ticker ticker) {
        this.ticker = ticker;
    }
}
