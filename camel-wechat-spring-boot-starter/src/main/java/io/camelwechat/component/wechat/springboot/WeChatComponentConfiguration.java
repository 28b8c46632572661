package io.camelwechat.component.wechat.springboot;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.wechat.*} properties: one per option of the {@code wechat} component, named as in the
 * component catalog ({@code camel.component.wechat.app-id} is the catalog's {@code appId}, even where the component
 * keeps it in its nested {@code configuration}). The field comments are the catalog descriptions, so IDEs show them.
 * <p>
 * Generated from the catalog by {@code StarterSourcesTest}: do not edit by hand.
 * <p>
 * Every field starts out {@code null}, which means "not configured": only the options that are set are copied onto
 * the component, so the component's own defaults (listed in the configuration metadata) and a
 * {@code configuration} bean given by reference are not overwritten. Durations take Spring Boot's format
 * ({@code 5s}, {@code 2m}; a bare number is milliseconds). Options of an object type take a bean reference such as
 * {@code #myBean}, resolved by Camel.
 */
@ConfigurationProperties("camel.component.wechat")
public class WeChatComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The appid of the official account or mini program to act for (events: the appid a decrypted push must carry; the
     * platform's appid for third-party pushes). With tokenMode stable or classic it is also the account whose access
     * token is fetched. The CamelWeChatAppId header overrides it per message.
     */
    private String appId;

    /**
     * Defaults for every endpoint option; an endpoint's own options override them. The option is a
     * io.camelwechat.component.wechat.WeChatConfiguration type: give a bean reference such as #myBean.
     */
    private String configuration;

    /**
     * api: the WeChat API path to call, under /cgi-bin/ or /wxa/ (for example /cgi-bin/wxopen/getcategoriesbytype).
     * events: the platform-http path WeChat pushes to, /wechat/events when not set (the URL in the WeChat console is
     * your server's base URL plus this path).
     */
    private String path;

    /**
     * category watcher: a WeChatAccountsProvider bean giving the accounts to watch, asked before every poll (for
     * example the authorizers of a third-party platform). Overrides appIds. The option is a
     * io.camelwechat.component.wechat.spi.WeChatAccountsProvider type: give a bean reference such as #myBean.
     */
    private String accountsProvider;

    /**
     * category watcher: the appids of the accounts to watch, comma separated; defaults to appId. With tokenMode stable
     * or classic each needs its appSecret configured on the component or an endpoint; tokenMode authorizer or an
     * accessTokenProvider suits many accounts.
     */
    private String appIds;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * category watcher: when an account is seen for the first time (no stored state), emit an ADDED change for each of
     * its categories instead of recording them silently.
     */
    private Boolean emitInitialState;

    /**
     * category watcher: how many accounts are fetched at the same time during a poll.
     */
    private Integer pollConcurrency;

    /**
     * category watcher: when a wechat:events consumer receives a wxa_category_audit push for a watched account, check
     * that account at once instead of waiting for the next poll. Messages still come from the state diff, so a
     * transition seen by push and poll yields one message.
     */
    private Boolean pushHints;

    /**
     * category watcher: where the last delivered state of each account is kept, committed per change after its exchange
     * completed. In memory by default; a FileStateRepository survives restarts, and a repository shared by all nodes
     * makes a cluster hand over without loss. The option is a org.apache.camel.spi.StateRepository&lt;String,
     * String&gt; type: give a bean reference such as #myBean.
     */
    private String stateRepository;

    /**
     * How many times a read WeChat answered with -1 (system busy) is retried, with exponential backoff and jitter.
     */
    private Integer busyRetries;

    /**
     * The base delay before the first busy retry (a random wait between half and all of it); each further retry waits
     * up to twice as long. Short by default: a -1 is usually one busy backend answering one request, so a quick first
     * retry keeps the tail latency low, and the doubling backs off when it persists.
     */
    private Duration busyRetryDelay;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * media upload: the largest image, in bytes, sent to WeChat; larger bodies are rejected before any call. WeChat's
     * pages mostly say 2 MB for images (the current one also mentions 10 MB): raise it if your account accepts more.
     */
    private Long mediaMaxSize;

    /**
     * media upload: WeChat's type of the temporary media: image (JPEG, PNG, GIF; up to mediaMaxSize), voice (AMR, MP3;
     * 2 MB), video (MP4; 10 MB) or thumb (JPEG; 64 KB). The CamelWeChatMediaType header overrides it per message.
     */
    private String mediaType;

    /**
     * api: the HTTP method of the WeChat API called. POST calls are treated as writes (a busy answer is not retried
     * unless retryWrites), GET calls as reads.
     */
    private String method;

    /**
     * The operation to perform, one of the API's (the operations table of the component's docs lists which API has
     * which; wechat:api takes none). The CamelWeChatOperation header overrides it per message.
     */
    private String op;

    /**
     * Also retry writes (set, add, modify, delete, upload) that WeChat answered busy. Off by default: a write WeChat
     * applied before answering busy would apply twice. A write that timed out is never retried.
     */
    private Boolean retryWrites;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * Scheme, host and port of the WeChat API, without a trailing slash. Change it to use a proxying gateway or the
     * camel-wechat simulator.
     */
    private String baseUrl;

    /**
     * The clock rows in the database are dated with (when tokens expire, across nodes); the system clock by default.
     * Tests set a fixed one to move time instead of sleeping. The option is a java.time.Clock type: give a bean
     * reference such as #myBean.
     */
    private String clock;

    /**
     * How long to wait for a TCP connection to WeChat.
     */
    private Duration connectTimeout;

    /**
     * The most connections the component's HTTP client keeps open to WeChat.
     */
    private Integer maxConnections;

    /**
     * After WeChat answers 45009 or 45011 (quota exhausted) for an account, calls for it fail at once for this long;
     * then one call is let through to see whether the quota is back.
     */
    private Duration quotaCooldown;

    /**
     * How long to wait for WeChat's answer once the request is sent.
     */
    private Duration responseTimeout;

    /**
     * The Caffeine Ticker the token cache reads time from; the system ticker by default. Tests set a fake ticker to
     * move time instead of sleeping. The option is a com.github.benmanes.caffeine.cache.Ticker type: give a bean
     * reference such as #myBean.
     */
    private String ticker;

    /**
     * Create the tables in the dataSource's database when they are missing (CREATE TABLE IF NOT EXISTS, at the
     * component's start). Turn it off when you create them yourself from the DDL in the jar
     * (io/camelwechat/component/wechat/jdbc/wechat-schema.sql).
     */
    private Boolean createTables;

    /**
     * A javax.sql.DataSource (a #bean reference) whose database holds the state every node shares: access tokens (one
     * fetch per token per expiry across all nodes, under a database lock), verify tickets, authorizer refresh tokens,
     * the category watchers' delivered state (when they name no stateRepository) and push nonces. Without it, that
     * state stays in this JVM. When not set and the registry holds exactly one DataSource (a Spring Boot application's,
     * say), that one is used; set autowiredEnabled=false to keep the state in this JVM. The option is a
     * javax.sql.DataSource type: give a bean reference such as #myBean.
     */
    private String dataSource;

    /**
     * What the names of the tables in the dataSource's database start with (a letter, then letters, digits or _; at
     * most 32).
     */
    private String tablePrefix;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * Host of an HTTP proxy to reach WeChat through.
     */
    private String proxyHost;

    /**
     * Port of the HTTP proxy; required when proxyHost is set.
     */
    private Integer proxyPort;

    /**
     * The access token to use when tokenMode is static.
     */
    private String accessToken;

    /**
     * A custom AccessTokenProvider bean (for example #myTokenService) that supplies tokens instead of the built-in
     * modes. The option is a io.camelwechat.component.wechat.spi.AccessTokenProvider type: give a bean reference such
     * as #myBean.
     */
    private String accessTokenProvider;

    /**
     * tokenMode stable: when WeChat rejects a token and a normal fetch returns that same token, fetch with
     * force_refresh=true, within WeChat's limit of 20 a day and 30 s apart. A forced refresh ends the token for every
     * other holder, so it is off by default.
     */
    private Boolean allowForceRefresh;

    /**
     * The AppSecret of appId, used to fetch access tokens (tokenMode stable or classic).
     */
    private String appSecret;

    /**
     * The AppSecret of each account, keyed by appid, for many accounts (tokenMode stable or classic): in properties the
     * appid is the map key of app-secrets, in YAML and Java a map. A message acts for any of them with the
     * CamelWeChatAppId header; the watcher polls them with appIds.
     */
    private Map<String, String> appSecrets;

    /**
     * tokenMode authorizer: the authorizer_refresh_token of the account named by appId, saved into the
     * authorizerTokenStore if it holds none for that account.
     */
    private String authorizerRefreshToken;

    /**
     * tokenMode authorizer: where the authorizer_refresh_token of each account is kept and the rotated ones WeChat
     * returns are saved (an AuthorizerTokenStore bean, for example a FileAuthorizerTokenStore, or your database); in
     * memory by default. The option is a io.camelwechat.component.wechat.spi.AuthorizerTokenStore type: give a bean
     * reference such as #myBean.
     */
    private String authorizerTokenStore;

    /**
     * tokenMode authorizer: the third-party platform's appid (component_appid).
     */
    private String componentAppId;

    /**
     * tokenMode authorizer: the third-party platform's AppSecret (component_appsecret).
     */
    private String componentAppSecret;

    /**
     * tokenMode authorizer: an initial component_verify_ticket, saved into the verifyTicketStore if it holds none.
     * WeChat pushes a new ticket every 10 minutes; the push receiver keeps the store up to date.
     */
    private String componentVerifyTicket;

    /**
     * A WeChatCredentialsProvider bean (appid in, AppSecret out) for accounts whose secrets live elsewhere; asked when
     * no endpoint and no appSecrets entry knows the account. The option is a
     * io.camelwechat.component.wechat.spi.WeChatCredentialsProvider type: give a bean reference such as #myBean.
     */
    private String credentialsProvider;

    /**
     * events: the 43-character EncodingAESKey of safe mode; without it only plain-mode pushes are accepted.
     */
    private String encodingAesKey;

    /**
     * events: the largest push body accepted, in bytes; larger ones are answered 413.
     */
    private Integer maxBodySize;

    /**
     * TLS settings (trust store, protocols) for the connection to WeChat; the JVM default when not set. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: give a bean reference such as #myBean.
     */
    private String sslContextParameters;

    /**
     * events: how far a push's timestamp may be from this server's clock; older or newer pushes are refused, and a
     * nonce is refused if seen again within it.
     */
    private Duration timestampWindow;

    /**
     * events: the push Token set in the WeChat console (message push settings); signatures are checked with it.
     */
    private String token;

    /**
     * How long before WeChat's expires_in a cached token is dropped and fetched again. When it is not smaller than half
     * of expires_in, the token is kept for half of expires_in.
     */
    private Duration tokenExpiryMargin;

    /**
     * Where access tokens come from: stable (POST /cgi-bin/stable_token in normal mode, the same token for every
     * caller, safe for clusters), classic (GET /cgi-bin/token; each fetch ends the previous token 5 minutes later),
     * static (the accessToken option, managed outside this component) or authorizer (a third-party platform acting for
     * the accounts that authorized it; appId is the authorizer's appid). Ignored when accessTokenProvider is set.
     */
    private String tokenMode;

    /**
     * How long before WeChat's expires_in a token is refreshed in the background, while callers keep using the valid
     * one (at the latest at half of its cached life). 5 minutes matches the window in which stable_token already hands
     * out the next token.
     */
    private Duration tokenRefreshAhead;

    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * tokenMode authorizer: where verify tickets are kept (a VerifyTicketStore bean, for example a
     * FileVerifyTicketStore); in memory by default. The option is a
     * io.camelwechat.component.wechat.spi.VerifyTicketStore type: give a bean reference such as #myBean.
     */
    private String verifyTicketStore;

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getAccountsProvider() {
        return accountsProvider;
    }

    public void setAccountsProvider(String accountsProvider) {
        this.accountsProvider = accountsProvider;
    }

    public String getAppIds() {
        return appIds;
    }

    public void setAppIds(String appIds) {
        this.appIds = appIds;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getEmitInitialState() {
        return emitInitialState;
    }

    public void setEmitInitialState(Boolean emitInitialState) {
        this.emitInitialState = emitInitialState;
    }

    public Integer getPollConcurrency() {
        return pollConcurrency;
    }

    public void setPollConcurrency(Integer pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public Boolean getPushHints() {
        return pushHints;
    }

    public void setPushHints(Boolean pushHints) {
        this.pushHints = pushHints;
    }

    public String getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(String stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Integer getBusyRetries() {
        return busyRetries;
    }

    public void setBusyRetries(Integer busyRetries) {
        this.busyRetries = busyRetries;
    }

    public Duration getBusyRetryDelay() {
        return busyRetryDelay;
    }

    public void setBusyRetryDelay(Duration busyRetryDelay) {
        this.busyRetryDelay = busyRetryDelay;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getMediaMaxSize() {
        return mediaMaxSize;
    }

    public void setMediaMaxSize(Long mediaMaxSize) {
        this.mediaMaxSize = mediaMaxSize;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getOp() {
        return op;
    }

    public void setOp(String op) {
        this.op = op;
    }

    public Boolean getRetryWrites() {
        return retryWrites;
    }

    public void setRetryWrites(Boolean retryWrites) {
        this.retryWrites = retryWrites;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClock() {
        return clock;
    }

    public void setClock(String clock) {
        this.clock = clock;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getQuotaCooldown() {
        return quotaCooldown;
    }

    public void setQuotaCooldown(Duration quotaCooldown) {
        this.quotaCooldown = quotaCooldown;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getTicker() {
        return ticker;
    }

    public void setTicker(String ticker) {
        this.ticker = ticker;
    }

    public Boolean getCreateTables() {
        return createTables;
    }

    public void setCreateTables(Boolean createTables) {
        this.createTables = createTables;
    }

    public String getDataSource() {
        return dataSource;
    }

    public void setDataSource(String dataSource) {
        this.dataSource = dataSource;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(String accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
    }

    public Boolean getAllowForceRefresh() {
        return allowForceRefresh;
    }

    public void setAllowForceRefresh(Boolean allowForceRefresh) {
        this.allowForceRefresh = allowForceRefresh;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public Map<String, String> getAppSecrets() {
        return appSecrets;
    }

    public void setAppSecrets(Map<String, String> appSecrets) {
        this.appSecrets = appSecrets;
    }

    public String getAuthorizerRefreshToken() {
        return authorizerRefreshToken;
    }

    public void setAuthorizerRefreshToken(String authorizerRefreshToken) {
        this.authorizerRefreshToken = authorizerRefreshToken;
    }

    public String getAuthorizerTokenStore() {
        return authorizerTokenStore;
    }

    public void setAuthorizerTokenStore(String authorizerTokenStore) {
        this.authorizerTokenStore = authorizerTokenStore;
    }

    public String getComponentAppId() {
        return componentAppId;
    }

    public void setComponentAppId(String componentAppId) {
        this.componentAppId = componentAppId;
    }

    public String getComponentAppSecret() {
        return componentAppSecret;
    }

    public void setComponentAppSecret(String componentAppSecret) {
        this.componentAppSecret = componentAppSecret;
    }

    public String getComponentVerifyTicket() {
        return componentVerifyTicket;
    }

    public void setComponentVerifyTicket(String componentVerifyTicket) {
        this.componentVerifyTicket = componentVerifyTicket;
    }

    public String getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(String credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getEncodingAesKey() {
        return encodingAesKey;
    }

    public void setEncodingAesKey(String encodingAesKey) {
        this.encodingAesKey = encodingAesKey;
    }

    public Integer getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Integer maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Duration getTimestampWindow() {
        return timestampWindow;
    }

    public void setTimestampWindow(Duration timestampWindow) {
        this.timestampWindow = timestampWindow;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Duration getTokenExpiryMargin() {
        return tokenExpiryMargin;
    }

    public void setTokenExpiryMargin(Duration tokenExpiryMargin) {
        this.tokenExpiryMargin = tokenExpiryMargin;
    }

    public String getTokenMode() {
        return tokenMode;
    }

    public void setTokenMode(String tokenMode) {
        this.tokenMode = tokenMode;
    }

    public Duration getTokenRefreshAhead() {
        return tokenRefreshAhead;
    }

    public void setTokenRefreshAhead(Duration tokenRefreshAhead) {
        this.tokenRefreshAhead = tokenRefreshAhead;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getVerifyTicketStore() {
        return verifyTicketStore;
    }

    public void setVerifyTicketStore(String verifyTicketStore) {
        this.verifyTicketStore = verifyTicketStore;
    }
}
