package io.camelwechat.component.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.camelwechat.component.wechat.client.WeChatApiException;
import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.consumer.CategoryAuditConsumer;
import io.camelwechat.component.wechat.push.PushSettings;
import io.camelwechat.component.wechat.push.WeChatEventsConsumer;
import io.camelwechat.component.wechat.token.VerifyTicketStore;
import io.camelwechat.component.wechat.token.AccessTokenProvider;
import io.camelwechat.component.wechat.token.ResilientInvoker;
import io.camelwechat.component.wechat.token.TokenMode;
import io.camelwechat.component.wechat.token.TokenSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls WeChat's official account industry APIs, mini program category APIs and temporary media upload, with
 * access tokens cached and refreshed by the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "wechat", title = "WeChat", syntax = "wechat:api",
             category = { Category.CLOUD, Category.API, Category.CHAT }, headersClass = WeChatConstants.class)
public class WeChatEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(WeChatEndpoint.class);

    /** Category audits take hours to days; polling every minute is plenty and spares the API quota. */
    static final long DEFAULT_WATCHER_DELAY = 60_000;
    static final String DEFAULT_EVENTS_PATH = "/wechat/events";

    @UriPath(enums = "industry,category,media,events,api",
             description = "The WeChat API area: industry (official account template industry), category (mini "
                           + "program categories; as a consumer, the category audit watcher), media (temporary "
                           + "media upload), events (the push receiver, a consumer) or api (any other WeChat server "
                           + "API, with method and path).")
    @Metadata(required = true)
    private WeChatApi api;

    @UriParam
    private WeChatConfiguration configuration;

    // declared again only to document the watcher's default in the catalog; ScheduledPollEndpoint holds the value,
    // set to this default in the constructor
    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Milliseconds between two polls of the category watcher (60 s by default: audits take "
                            + "hours).")
    private long delay = DEFAULT_WATCHER_DELAY;

    private TokenMode tokenMode;
    private WeChatHttpClient httpClient;
    private ResilientInvoker invoker;
    private AccessTokenProvider tokens;
    /** The watcher's state when no stateRepository is set: kept by the endpoint so a route restart keeps it. */
    private final StateRepository<String, String> defaultState = new MemoryStateRepository();

    public WeChatEndpoint(String uri, WeChatComponent component, WeChatApi api, WeChatConfiguration configuration) {
        super(uri, component);
        setDelay(DEFAULT_WATCHER_DELAY); // before the URI options, which may override it
        this.api = api;
        this.configuration = configuration;
    }

    @Override
    public WeChatComponent getComponent() {
        return (WeChatComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (api == WeChatApi.events) {
            throw new IllegalArgumentException("wechat:events receives pushes: use it in from(), not to()");
        }
        return new WeChatProducer(this);
    }

    /** {@code from("wechat:category")}, the category audit watcher, or {@code from("wechat:events")}. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (api == WeChatApi.events) {
            return new WeChatEventsConsumer(this, processor, pushSettings(), getComponent()::hintWatchers);
        }
        if (api != WeChatApi.category) {
            throw new IllegalArgumentException("wechat:" + api + " cannot be consumed from: only wechat:category "
                                               + "(the category audit watcher) and wechat:events (pushes) are "
                                               + "consumers");
        }
        StateRepository<String, String> state = configuration.getStateRepository() != null
                ? configuration.getStateRepository() : defaultState;
        CategoryAuditConsumer consumer = new CategoryAuditConsumer(this, processor,
                new CategoryAuditConsumer.WatcherSettings(this::watchedAccounts, state,
                        configuration.getPollConcurrency(), configuration.isEmitInitialState()),
                appId -> call(resolveAccount(appId), WeChatOperation.CATEGORY_LIST,
                        WeChatOperation.CATEGORY_LIST.toRequest(null, configuration)),
                Clock.systemUTC());
        configureConsumer(consumer);
        if (configuration.isPushHints()) {
            getComponent().registerWatcher(consumer);
        }
        return consumer;
    }

    /** The push receiver's settings, checked: the component calls this when it creates an events endpoint. */
    PushSettings pushSettings() {
        VerifyTicketStore tickets = configuration.getVerifyTicketStore() != null
                ? configuration.getVerifyTicketStore() : getComponent().defaultVerifyTicketStore();
        String configured = configuration.getPath() == null ? DEFAULT_EVENTS_PATH : configuration.getPath();
        String path = configured.startsWith("/") || configured.isEmpty() ? configured : "/" + configured;
        return new PushSettings(configuration.getToken(), configuration.getEncodingAesKey(), configuration.getAppId(),
                path, Duration.ofMillis(configuration.getTimestampWindow()), configuration.getMaxBodySize(), tickets,
                Clock.systemUTC());
    }

    /** The accounts the watcher polls: the accountsProvider's, else appIds, else appId. */
    Collection<String> watchedAccounts() {
        if (configuration.getAccountsProvider() != null) {
            return validAccounts(configuration.getAccountsProvider().appIds());
        }
        if (configuration.getAppIds() != null && !configuration.getAppIds().isBlank()) {
            return Arrays.stream(configuration.getAppIds().split(",")).map(String::trim)
                    .filter(appId -> !appId.isEmpty()).distinct().toList();
        }
        if (configuration.getAppId() != null && !configuration.getAppId().isBlank()) {
            return List.of(configuration.getAppId());
        }
        throw new IllegalArgumentException("wechat:category as a consumer needs the accounts to watch: set appIds, "
                                           + "accountsProvider or appId");
    }

    /** What an accountsProvider gave, without the ids that are not appids (logged, escaped, and skipped). */
    private static Collection<String> validAccounts(Collection<String> appIds) {
        List<String> valid = new ArrayList<>(appIds.size());
        for (String appId : appIds) {
            try {
                valid.add(AccountIds.check(appId, "an appid from the accountsProvider"));
            } catch (IllegalArgumentException e) {
                LOG.warn("The category watcher skips an account: {}", e.getMessage());
            }
        }
        return valid;
    }

    /** One WeChat call for an account, with the endpoint's token handling and retry rules. */
    <T> T call(String appId, WeChatOperation operation, WeChatRequest request) {
        @SuppressWarnings("unchecked")
        Class<T> resultType = (Class<T>) operation.resultType();
        return call(appId, request, operation.isWrite(), resultType);
    }

    <T> T call(String appId, WeChatRequest request, boolean write, Class<T> resultType) {
        WeChatMetrics metrics = getComponent().metrics();
        metrics.watchAccount(appId);
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T result = invoker.invoke(appId, request, write,
                    token -> httpClient.execute(request.withAccessToken(token), resultType));
            outcome = "ok";
            return result;
        } catch (WeChatApiException e) {
            outcome = String.valueOf(e.getErrcode());
            throw e;
        } finally {
            metrics.recordCall(request.api(), outcome, System.nanoTime() - started);
        }
    }

    /** Checks the options before the first call: a missing credential fails the route start, naming the option. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (api == WeChatApi.events) {
            return; // a push receiver calls nothing: no token needed
        }
        TokenSettings tokenSettings = configuration.tokenSettings();
        tokenMode = tokenSettings.mode();
        if (tokenSettings.customProvider() == null) {
            requireModeOptions();
        }
        httpClient = getComponent().httpClient();
        AccessTokenProvider tokens = getComponent().tokenProviders().forEndpoint(tokenSettings);
        invoker = new ResilientInvoker(tokens, getComponent().tokenProviders().circuit(),
                configuration.busyRetryPolicy(), getComponent().tokenProviders().statistics());
        this.tokens = tokens;
        getComponent().endpointStarted(this);
    }

    @Override
    protected void doStop() throws Exception {
        getComponent().endpointStopped(this);
        super.doStop();
    }

    /** Where this endpoint gets tokens from while started, else null. */
    AccessTokenProvider tokens() {
        return tokens;
    }

    private void requireModeOptions() {
        switch (tokenMode) {
            case STABLE, CLASSIC -> {
                requireOption(configuration.getAppId(), "appId");
                requireOption(configuration.getAppSecret(), "appSecret");
            }
            case STATIC -> requireOption(configuration.getAccessToken(), "accessToken");
            case AUTHORIZER -> {
                requireOption(configuration.getComponentAppId(), "componentAppId");
                requireOption(configuration.getComponentAppSecret(), "componentAppSecret");
            }
        }
    }

    private void requireOption(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("wechat:" + api + " needs the " + option + " option (on the endpoint "
                                               + "or the wechat component)"
                                               + (tokenMode == null ? "" : " when tokenMode is "
                                                                           + tokenMode.optionValue()));
        }
    }

    /**
     * The account a message acts for: the header when set, else the appId option. A mode that fetches tokens with
     * an AppSecret must know the account's secret; a static token belongs to the one account of the appId option;
     * a third-party platform acts for any account whose refresh token its store holds.
     */
    String resolveAccount(String headerAppId) {
        if (headerAppId != null && !headerAppId.isBlank()) {
            AccountIds.check(headerAppId, WeChatConstants.APP_ID);
        }
        String configured = configuration.getAppId();
        if (headerAppId == null || headerAppId.isBlank() || headerAppId.equals(configured)
            || configuration.getAccessTokenProvider() != null || tokenMode == TokenMode.AUTHORIZER) {
            return headerAppId == null || headerAppId.isBlank() ? configured : headerAppId;
        }
        if (tokenMode == TokenMode.STATIC) {
            throw new IllegalArgumentException(WeChatConstants.APP_ID + " names appId " + headerAppId + ", but "
                                               + "tokenMode static holds one token, for appId "
                                               + (configured == null ? "(not set)" : configured)
                                               + ": use an endpoint whose accessToken belongs to " + headerAppId);
        }
        if (!getComponent().tokenProviders().knowsAccount(headerAppId)) {
            throw new IllegalArgumentException(WeChatConstants.APP_ID + " names appId " + headerAppId + ", which has "
                                               + "no appSecret configured: configure it with appId and appSecret on "
                                               + "the wechat component or an endpoint");
        }
        return headerAppId;
    }

    public WeChatApi getApi() {
        return api;
    }

    public WeChatConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return configuration.getBaseUrl().startsWith("https") ? "https" : "http";
    }
}
