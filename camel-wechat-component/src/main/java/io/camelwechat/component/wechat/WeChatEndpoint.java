package io.camelwechat.component.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.camelwechat.component.wechat.internal.engine.BusyRetryPolicy;
import io.camelwechat.component.wechat.internal.engine.CallSettings;
import io.camelwechat.component.wechat.internal.operation.OperationSettings;
import io.camelwechat.component.wechat.internal.operation.WeChatOperation;
import io.camelwechat.component.wechat.internal.push.PushSettings;
import io.camelwechat.component.wechat.internal.push.WeChatEventsConsumer;
import io.camelwechat.component.wechat.internal.support.AccountIds;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.TokenMode;
import io.camelwechat.component.wechat.internal.token.TokenSettings;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.WeChatAccountsProvider;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Calls WeChat's official account industry APIs, mini program category APIs and temporary media upload, with
 * access tokens cached and refreshed by the component; as a consumer, watches category audits or receives pushes.
 * Its options are parsed and checked once, when it is created; producers and consumers get the parsed settings.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "wechat", title = "WeChat", syntax = "wechat:api",
             category = { Category.CLOUD, Category.API, Category.CHAT }, headersClass = WeChatConstants.class)
public class WeChatEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

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

    /**
     * The watcher's state when neither a stateRepository nor the component's dataSource is set: kept by the
     * endpoint so a route restart keeps it.
     */
    private final StateRepository<String, String> defaultState = new MemoryStateRepository();

    // the options, parsed once by parseOptions()
    private WeChatOperation defaultOperation;
    private OperationSettings operationSettings;
    private CallSettings callSettings;
    private PushSettings pushSettings;
    private List<String> appIds;

    /** Created by the component, which then binds the options and has them parsed. */
    WeChatEndpoint(String uri, WeChatComponent component, WeChatApi api, WeChatConfiguration configuration) {
        super(uri, component);
        setDelay(DEFAULT_WATCHER_DELAY); // before the URI options, which may override it
        this.api = api;
        this.configuration = configuration;
    }

    @Override
    public WeChatComponent getComponent() {
        return (WeChatComponent) super.getComponent();
    }

    /**
     * Parses and checks the options once the component has bound them, so that a wrong or missing one fails the
     * endpoint's creation naming the option, and keeps what producers and consumers need. Options changed on the
     * configuration after this are not seen.
     */
    void parseOptions() {
        AccountIds.checkOption(configuration.getAppId(), "appId");
        AccountIds.checkOption(configuration.getComponentAppId(), "componentAppId");
        defaultOperation = WeChatOperation.of(api, configuration.getOp());
        operationSettings = OperationSettings.parse(api, configuration.getBaseUrl(), configuration.getPath(),
                configuration.getMethod(), configuration.getMediaType(), configuration.getMediaMaxSize());
        callSettings = new CallSettings(tokenSettings(),
                BusyRetryPolicy.sleeping(configuration.getBusyRetries(),
                        Duration.ofMillis(configuration.getBusyRetryDelay()), configuration.isRetryWrites()));
        appIds = configuration.getAppIds() == null ? List.of()
                : AccountIds.parseList(configuration.getAppIds(), "appIds");
        if (api == WeChatApi.events) {
            pushSettings = pushSettings(); // a push receiver calls nothing: no token needed
        } else if (configuration.getAccessTokenProvider() == null) {
            requireModeOptions(callSettings.tokens().mode());
        }
    }

    private TokenSettings tokenSettings() {
        return new TokenSettings(TokenMode.fromOption(configuration.getTokenMode()), configuration.getAppId(),
                Secret.ofNullable(configuration.getAppSecret()), Secret.ofNullable(configuration.getAccessToken()),
                operationSettings.baseUrl(),
                new CachingAccessTokenProvider.Policy(Duration.ofMillis(configuration.getTokenExpiryMargin()),
                        Duration.ofMillis(configuration.getTokenRefreshAhead())),
                configuration.isAllowForceRefresh(),
                new TokenSettings.ThirdPartyPlatform(configuration.getComponentAppId(),
                        Secret.ofNullable(configuration.getComponentAppSecret()),
                        Secret.ofNullable(configuration.getComponentVerifyTicket()),
                        Secret.ofNullable(configuration.getAuthorizerRefreshToken()),
                        configuration.getVerifyTicketStore(), configuration.getAuthorizerTokenStore()),
                configuration.getAccessTokenProvider());
    }

    private PushSettings pushSettings() {
        String configured = configuration.getPath() == null ? DEFAULT_EVENTS_PATH : configuration.getPath();
        String path = configured.startsWith("/") || configured.isEmpty() ? configured : "/" + configured;
        return new PushSettings(Secret.ofNullable(configuration.getToken()),
                Secret.ofNullable(configuration.getEncodingAesKey()), configuration.getAppId(), path,
                Duration.ofMillis(configuration.getTimestampWindow()), configuration.getMaxBodySize(),
                configuration.getVerifyTicketStore(), Clock.systemUTC());
    }

    @Override
    public Producer createProducer() {
        if (api == WeChatApi.events) {
            throw new IllegalArgumentException("wechat:events receives pushes: use it in from(), not to()");
        }
        return new WeChatProducer(this, getComponent().engine(), defaultOperation, operationSettings, callSettings);
    }

    /** {@code from("wechat:category")}, the category audit watcher, or {@code from("wechat:events")}. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (api == WeChatApi.events) {
            return new WeChatEventsConsumer(this, processor, pushSettings, getComponent().engine());
        }
        if (api != WeChatApi.category) {
            throw new IllegalArgumentException("wechat:" + api + " cannot be consumed from: only wechat:category "
                                               + "(the category audit watcher) and wechat:events (pushes) are "
                                               + "consumers");
        }
        CategoryAuditConsumer consumer = new CategoryAuditConsumer(this, processor,
                new CategoryAuditConsumer.WatcherSettings(watchedAccounts(), configuration.getStateRepository(),
                        defaultState, configuration.getPollConcurrency(), configuration.isEmitInitialState(),
                        configuration.isPushHints(), callSettings,
                        WeChatOperation.CATEGORY_LIST.request(operationSettings)),
                getComponent().engine(), Clock.systemUTC());
        configureConsumer(consumer);
        return consumer;
    }

    /** The accounts the watcher polls: the accountsProvider's, else appIds, else appId. */
    private WeChatAccountsProvider watchedAccounts() {
        if (configuration.getAccountsProvider() != null) {
            return configuration.getAccountsProvider();
        }
        if (!appIds.isEmpty()) {
            List<String> watched = appIds;
            return () -> watched;
        }
        if (configuration.getAppId() != null && !configuration.getAppId().isBlank()) {
            List<String> appId = List.of(configuration.getAppId());
            return () -> appId;
        }
        throw new IllegalArgumentException("wechat:category as a consumer needs the accounts to watch: set appIds, "
                                           + "accountsProvider or appId");
    }

    /**
     * Makes the endpoint's credentials known to the component, so that a message of any endpoint may act for its
     * account with the CamelWeChatAppId header from now on.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (api != WeChatApi.events) {
            // Camel may start a route's processors (a split's, say) while it sets the route up, before it starts the
            // components: the component starts first then, as it would anyway
            ServiceHelper.startService(getComponent());
            getComponent().engine().register(callSettings);
        }
    }

    private void requireModeOptions(TokenMode tokenMode) {
        switch (tokenMode) {
            case STABLE, CLASSIC -> {
                if (getComponent().getAppSecrets().isEmpty() && getComponent().getCredentialsProvider() == null) {
                    requireOption(configuration.getAppId(), "appId", tokenMode);
                    requireOption(configuration.getAppSecret(), "appSecret", tokenMode);
                } // else the accounts and their secrets come from appSecrets or the credentialsProvider
            }
            case STATIC -> requireOption(configuration.getAccessToken(), "accessToken", tokenMode);
            case AUTHORIZER -> {
                requireOption(configuration.getComponentAppId(), "componentAppId", tokenMode);
                requireOption(configuration.getComponentAppSecret(), "componentAppSecret", tokenMode);
            }
        }
    }

    private void requireOption(String value, String option, TokenMode tokenMode) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("wechat:" + api + " needs the " + option + " option (on the endpoint "
                                               + "or the wechat component) when tokenMode is "
                                               + tokenMode.optionValue());
        }
    }

    public WeChatApi getApi() {
        return api;
    }

    public WeChatConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public String getServiceUrl() {
        return operationSettings.baseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return operationSettings.baseUrl().startsWith("https") ? "https" : "http";
    }
}
