package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.token.AccessTokenProvider;
import io.camelwechat.component.wechat.token.ResilientInvoker;
import io.camelwechat.component.wechat.token.TokenMode;
import io.camelwechat.component.wechat.token.TokenSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls WeChat's official account industry APIs, mini program category APIs and temporary media upload, with
 * access tokens cached and refreshed by the component.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "wechat", title = "WeChat", syntax = "wechat:api",
             producerOnly = true, category = { Category.CLOUD, Category.API, Category.CHAT },
             headersClass = WeChatConstants.class)
public class WeChatEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(enums = "industry,category,media",
             description = "The WeChat API area: industry (official account template industry), category (mini "
                           + "program categories) or media (temporary media upload).")
    @Metadata(required = true)
    private WeChatApi api;

    @UriParam
    private WeChatConfiguration configuration;

    private TokenMode tokenMode;
    private WeChatHttpClient httpClient;
    private ResilientInvoker invoker;

    public WeChatEndpoint(String uri, WeChatComponent component, WeChatApi api, WeChatConfiguration configuration) {
        super(uri, component);
        this.api = api;
        this.configuration = configuration;
    }

    @Override
    public WeChatComponent getComponent() {
        return (WeChatComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new WeChatProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("wechat:" + api + " can only send; consuming is not supported yet");
    }

    /** Checks the options before the first call: a missing credential fails the route start, naming the option. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TokenSettings tokenSettings = configuration.tokenSettings();
        tokenMode = tokenSettings.mode();
        if (tokenSettings.customProvider() == null) {
            requireModeOptions();
        }
        httpClient = getComponent().httpClient();
        AccessTokenProvider tokens = getComponent().tokenProviders().forEndpoint(tokenSettings);
        invoker = new ResilientInvoker(tokens, getComponent().tokenProviders().circuit(),
                configuration.busyRetryPolicy(), getComponent().tokenProviders().statistics());
        getComponent().watchAccount(configuration.getAppId(), tokens);
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
                                               + "or the wechat component) when tokenMode is "
                                               + tokenMode.optionValue());
        }
    }

    /**
     * The account a message acts for: the header when set, else the appId option. A mode that fetches tokens with
     * an AppSecret must know the account's secret; a static token belongs to the one account of the appId option;
     * a third-party platform acts for any account whose refresh token its store holds.
     */
    String resolveAccount(String headerAppId) {
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

    ResilientInvoker getInvoker() {
        return invoker;
    }

    WeChatHttpClient getHttpClient() {
        return httpClient;
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
