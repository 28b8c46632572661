package io.camelwechat.component.wechat;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;
import javax.net.ssl.SSLContext;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.client.BaseUrl;
import io.camelwechat.component.wechat.client.HttpTransportSettings;
import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.consumer.CategoryAuditConsumer;
import io.camelwechat.component.wechat.token.AccessTokenProvider;
import io.camelwechat.component.wechat.token.InMemoryVerifyTicketStore;
import io.camelwechat.component.wechat.token.VerifyTicketStore;
import io.camelwechat.component.wechat.token.QuotaCircuitBreaker;
import io.camelwechat.component.wechat.token.TokenProviders;
import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.URISupport;
import org.slf4j.LoggerFactory;

/**
 * The {@code wechat:} component. It holds the options and, while started, what its endpoints share: one pooled
 * HTTP client and the token providers, so that every endpoint acting for an account uses the same token.
 */
@Component("wechat")
@ManagedResource(description = "WeChat component: token cache and quota circuit per account")
public class WeChatComponent extends HealthCheckComponent implements SSLContextParametersAware {

    static {
        // Camel masks URI options whose names contain one of its keywords ("token", "secret", ...); the verify
        // ticket and the push encodingAesKey are credentials whose names contain none of them. One call: each call
        // replaces the keywords added before (comma-separated list)
        URISupport.addSanitizeKeywords("verifyticket,aeskey");
    }

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

    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "After WeChat answers 45009 or 45011 (quota exhausted) for an account, calls for it fail "
                            + "at once for this long; then one call is let through to see whether the quota is "
                            + "back.")
    private long quotaCooldown = 60_000;

    private volatile WeChatHttpClient httpClient;
    private volatile TokenProviders tokenProviders;
    private volatile WeChatMetrics metrics = WeChatMetrics.NONE;
    /** Verify tickets pushed to a receiver that names no store; authorizer endpoints without one read them here. */
    private final VerifyTicketStore defaultVerifyTicketStore = new InMemoryVerifyTicketStore();
    private ExecutorService refreshExecutor;
    /** The started endpoints: their default accounts are what the readiness check probes. */
    private final Set<WeChatEndpoint> startedEndpoints = ConcurrentHashMap.newKeySet();
    private WeChatTokenHealthCheck healthCheck;
    /** Category watchers that take audit pushes as hints, with the endpoint that made each. */
    private final Map<CategoryAuditConsumer, WeChatEndpoint> hintedWatchers = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WeChatApi api = WeChatApi.fromUriPath(remaining);
        WeChatEndpoint endpoint = new WeChatEndpoint(uri, this, api, configuration.copy());
        OptionRanges.checkWritten(parameters);
        try {
            setProperties(endpoint, parameters);
        } catch (PropertyBindingException e) {
            throw OptionRanges.bindingFailed(e);
        }
        OptionRanges.check(OptionRanges.ENDPOINT, endpoint);
        WeChatConfiguration endpointConfiguration = endpoint.getConfiguration();
        endpointConfiguration.setBaseUrl(BaseUrl.check(endpointConfiguration.getBaseUrl()));
        AccountIds.checkOptions(endpointConfiguration);
        MediaType.of(endpointConfiguration.getMediaType(), "mediaType");
        endpointConfiguration.tokenModeValue();
        if (api == WeChatApi.api) {
            GenericApiCall.check(endpointConfiguration);
        } else if (api == WeChatApi.events) {
            endpoint.pushSettings();
        } else if (endpointConfiguration.getOp() != null) {
            WeChatOperation.of(api, endpointConfiguration.getOp());
        }
        return endpoint;
    }

    /** Builds what the endpoints share, so that bad transport options fail the start, not the first message. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionRanges.check(OptionRanges.COMPONENT, this);
        httpClient = new WeChatHttpClient(new HttpTransportSettings(
                Duration.ofMillis(connectTimeout), Duration.ofMillis(responseTimeout), maxConnections,
                proxyHost, proxyPort == null ? 0 : proxyPort, sslContext()));
        // a few threads, so that one slow fetch does not hold up the others; refreshes are deduplicated per account
        refreshExecutor = WorkerPools.newPool(getCamelContext(), this, "WeChatTokenRefresh", 4, true);
        tokenProviders = new TokenProviders(httpClient, ticker, refreshExecutor,
                new QuotaCircuitBreaker(Duration.ofMillis(quotaCooldown), ticker), defaultVerifyTicketStore);
        metrics = WeChatMetrics.forContext(getCamelContext(), tokenProviders.statistics());
        healthCheck = new WeChatTokenHealthCheck(this);
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            registry.register(healthCheck);
        }
    }

    private SSLContext sslContext() {
        SSLContextParameters tls = sslContextParameters != null || !useGlobalSslContextParameters
                ? sslContextParameters : retrieveGlobalSslContextParameters();
        if (tls == null) {
            return null;
        }
        try {
            return tls.createSSLContext(getCamelContext());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot create the TLS context from sslContextParameters: "
                                               + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && healthCheck != null) {
            registry.unregister(healthCheck);
        }
        if (refreshExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(refreshExecutor);
            refreshExecutor = null;
        }
        startedEndpoints.clear();
        WeChatHttpClient client = httpClient;
        httpClient = null;
        tokenProviders = null;
        if (client != null) {
            client.close();
        }
        super.doStop();
    }

    /** The component's one HTTP client. */
    WeChatHttpClient httpClient() {
        return requireStarted(httpClient);
    }

    VerifyTicketStore defaultVerifyTicketStore() {
        return defaultVerifyTicketStore;
    }

    WeChatMetrics metrics() {
        return metrics;
    }

    TokenProviders tokenProviders() {
        return requireStarted(tokenProviders);
    }

    void endpointStarted(WeChatEndpoint endpoint) {
        startedEndpoints.add(endpoint);
    }

    void endpointStopped(WeChatEndpoint endpoint) {
        startedEndpoints.remove(endpoint);
        hintedWatchers.values().removeIf(endpoint::equals);
    }

    void registerWatcher(CategoryAuditConsumer watcher) {
        hintedWatchers.put(watcher, (WeChatEndpoint) watcher.getEndpoint());
    }

    /** A wxa_category_audit push arrived for an account: the watchers of that account check it now. */
    void hintWatchers(String appId) {
        for (CategoryAuditConsumer watcher : hintedWatchers.keySet()) {
            try {
                watcher.checkNow(appId);
            } catch (RuntimeException e) {
                // one watcher's trouble (an accountsProvider failing, say) must not keep the others from the hint
                LoggerFactory.getLogger(WeChatComponent.class).warn("Hinting a category watcher of {} failed: {}",
                        appId, e.getMessage());
            }
        }
    }

    /**
     * The default account of each started endpoint with the provider it gets tokens from, worked out when asked:
     * an account stays probed while any endpoint acting for it runs.
     */
    Map<String, AccessTokenProvider> watchedAccounts() {
        Map<String, AccessTokenProvider> accounts = new TreeMap<>();
        for (WeChatEndpoint endpoint : startedEndpoints) {
            String appId = endpoint.getConfiguration().getAppId();
            if (appId != null && !appId.isBlank() && endpoint.tokens() != null) {
                accounts.putIfAbsent(appId, endpoint.tokens());
            }
        }
        return accounts;
    }

    /** Per-account token counters and circuit state, for JMX: no token or secret is ever part of it. */
    @ManagedAttribute(description = "Token statistics per account: cache hits, fetches, background refreshes, "
                                    + "refresh failures, invalidations, forced refreshes, token retries, busy retries "
                                    + "and the quota circuit")
    public TabularData getTokenStatistics() throws OpenDataException {
        return TokenStatisticsTable.of(tokenProviders());
    }

    @ManagedAttribute(description = "The accounts whose quota circuit is open, with the seconds until the next try")
    public String getOpenQuotaCircuits() {
        return tokenProviders().circuit().openCircuits().toString();
    }

    private <T> T requireStarted(T service) {
        if (service == null) {
            throw new IllegalStateException("the wechat component is not started");
        }
        return service;
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

    public long getQuotaCooldown() {
        return quotaCooldown;
    }

    public void setQuotaCooldown(long quotaCooldown) {
        this.quotaCooldown = quotaCooldown;
    }

    public Ticker getTicker() {
        return ticker;
    }

    public void setTicker(Ticker ticker) {
        this.ticker = ticker;
    }
}
