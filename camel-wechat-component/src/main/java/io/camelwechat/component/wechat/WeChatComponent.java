package io.camelwechat.component.wechat;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.internal.client.HttpTransportSettings;
import io.camelwechat.component.wechat.internal.engine.EngineSettings;
import io.camelwechat.component.wechat.internal.engine.WeChatEngine;
import io.camelwechat.component.wechat.internal.support.OptionRanges;
import io.camelwechat.component.wechat.internal.support.SanitizeKeywords;
import io.camelwechat.component.wechat.internal.watcher.LeadershipGauges;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.camelwechat.component.wechat.spi.WeChatCredentialsProvider;
import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code wechat:} component: its options, and one {@link WeChatEngine} that its endpoints share while it runs
 * (the HTTP client, the token caches, the quota circuits), built when it starts and closed when it stops.
 */
@Component("wechat")
@ManagedResource(description = "WeChat component: token cache and quota circuit per account")
public class WeChatComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /**
     * Camel masks URI options whose names contain "token", "secret" and the like; the verify ticket and the push
     * encodingAesKey contain none of them.
     */
    private static final List<String> CREDENTIAL_WORDS = List.of("verifyticket", "aeskey");

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

    @Metadata(label = "advanced", autowired = false,
              description = "The clock rows in the database are dated with (when tokens expire, across nodes); the "
                            + "system clock by default. Tests set a fixed one to move time instead of sleeping.")
    private Clock clock = Clock.systemUTC();

    // autowired as camel-sql's is: a Spring Boot application's one DataSource is used without a property
    @Metadata(label = "database", autowired = true,
              description = "A javax.sql.DataSource (a #bean reference) whose database holds the state every node "
                            + "shares: access tokens (one fetch per token per expiry across all nodes, under a "
                            + "database lock), verify tickets, authorizer refresh tokens, the category watchers' "
                            + "delivered state (when they name no stateRepository) and push nonces. Without it, "
                            + "that state stays in this JVM. When not set and the registry holds exactly one "
                            + "DataSource (a Spring Boot application's, say), that one is used; set "
                            + "autowiredEnabled=false to keep the state in this JVM.")
    private DataSource dataSource;

    @Metadata(label = "database", defaultValue = "true",
              description = "Create the tables in the dataSource's database when they are missing (CREATE TABLE IF "
                            + "NOT EXISTS, at the component's start). Turn it off when you create them yourself from "
                            + "the DDL in the jar (io/camelwechat/component/wechat/jdbc/wechat-schema.sql).")
    private boolean createTables = true;

    @Metadata(label = "database", defaultValue = WeChatDatabase.DEFAULT_TABLE_PREFIX,
              description = "What the names of the tables in the dataSource's database start with (a letter, then "
                            + "letters, digits or _; at most 32).")
    private String tablePrefix = WeChatDatabase.DEFAULT_TABLE_PREFIX;

    @Metadata(label = "security", secret = true,
              description = "The AppSecret of each account, keyed by appid, for many accounts (tokenMode stable or "
                            + "classic): in properties the appid is the map key of app-secrets, in YAML and Java a "
                            + "map. A message acts for any of them with the CamelWeChatAppId header; the watcher "
                            + "polls them with appIds.")
    private Map<String, String> appSecrets = new LinkedHashMap<>();

    @Metadata(label = "security",
              description = "A WeChatCredentialsProvider bean (appid in, AppSecret out) for accounts whose secrets "
                            + "live elsewhere; asked when no endpoint and no appSecrets entry knows the account.")
    private WeChatCredentialsProvider credentialsProvider;

    private final WeChatEngine engine = new WeChatEngine();
    private LeadershipGauges leadershipGauges;

    public WeChatComponent() {
        SanitizeKeywords.add(CREDENTIAL_WORDS);
    }

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
        OptionRanges.check(OptionRanges.ENDPOINT, (PropertyConfigurerGetter) getEndpointPropertyConfigurer(),
                endpoint);
        endpoint.parseOptions();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionRanges.check(OptionRanges.COMPONENT, (PropertyConfigurerGetter) getComponentPropertyConfigurer(), this);
        engine.start(new EngineSettings(new HttpTransportSettings(Duration.ofMillis(connectTimeout),
                Duration.ofMillis(responseTimeout), maxConnections, proxyHost, proxyPort == null ? 0 : proxyPort,
                sslContext()), ticker, clock, Duration.ofMillis(quotaCooldown),
                dataSource == null ? null : new EngineSettings.Database(dataSource, tablePrefix, createTables),
                appSecrets, credentialsProvider), getCamelContext());
        leadershipGauges = new LeadershipGauges(engine, this);
        ServiceHelper.startService(leadershipGauges);
        getCamelContext().getManagementStrategy().addEventNotifier(leadershipGauges);
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
        if (leadershipGauges != null) {
            getCamelContext().getManagementStrategy().removeEventNotifier(leadershipGauges);
            ServiceHelper.stopService(leadershipGauges);
        }
        engine.stop();
        super.doStop();
    }

    /** What the endpoints share: started with the component. */
    WeChatEngine engine() {
        return engine;
    }

    /** Per-account token counters and circuit state, for JMX: no token or secret is ever part of it. */
    @ManagedAttribute(description = "Token statistics per account: cache hits, fetches, background refreshes, "
                                    + "refresh failures, invalidations, forced refreshes, token retries, busy retries "
                                    + "and the quota circuit")
    public TabularData getTokenStatistics() throws OpenDataException {
        return engine.tokenStatistics();
    }

    @ManagedAttribute(description = "The accounts whose quota circuit is open, with the seconds until the next try")
    public String getOpenQuotaCircuits() {
        return engine.openQuotaCircuits().toString();
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

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isCreateTables() {
        return createTables;
    }

    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public Map<String, String> getAppSecrets() {
        return appSecrets;
    }

    public void setAppSecrets(Map<String, String> appSecrets) {
        this.appSecrets = appSecrets;
    }

    public WeChatCredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(WeChatCredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public Ticker getTicker() {
        return ticker;
    }

    public void setTicker(Ticker ticker) {
        this.ticker = ticker;
    }
}
