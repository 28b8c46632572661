package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.internal.client.BaseUrl;
import io.camelwechat.component.wechat.internal.token.TokenMode;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import io.camelwechat.component.wechat.spi.WeChatAccountsProvider;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every endpoint option, declared once, and nothing else: the endpoint parses and checks them when it is created.
 * The component holds one instance as defaults; each endpoint starts from a copy of it and applies its own URI
 * options on top.
 */
@UriParams
public class WeChatConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = BaseUrl.WECHAT;
    public static final long DEFAULT_MEDIA_MAX_SIZE = 2L * 1024 * 1024;

    @UriParam(label = "producer", enums = "set,get,add,modify,list,all,delete,upload",
              description = "The operation to perform, one of the API's (the operations table of the component's "
                            + "docs lists which API has which; wechat:api takes none). The CamelWeChatOperation "
                            + "header overrides it per message.")
    private String op;

    @UriParam(label = "consumer",
              description = "category watcher: the appids of the accounts to watch, comma separated; defaults to "
                            + "appId. With tokenMode stable or classic each needs its appSecret configured on the "
                            + "component or an endpoint; tokenMode authorizer or an accessTokenProvider suits many "
                            + "accounts.")
    private String appIds;

    @UriParam(label = "consumer",
              description = "category watcher: a WeChatAccountsProvider bean giving the accounts to watch, asked "
                            + "before every poll (for example the authorizers of a third-party platform). Overrides "
                            + "appIds.")
    private WeChatAccountsProvider accountsProvider;

    @UriParam(label = "consumer", defaultValue = "4",
              description = "category watcher: how many accounts are fetched at the same time during a poll.")
    private int pollConcurrency = 4;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "category watcher: when an account is seen for the first time (no stored state), emit "
                            + "an ADDED change for each of its categories instead of recording them silently.")
    private boolean emitInitialState;

    @UriParam(label = "consumer", javaType = "org.apache.camel.spi.StateRepository<String, String>",
              description = "category watcher: where the last delivered state of each account is kept, committed "
                            + "per change after its exchange completed. In memory by default; a "
                            + "FileStateRepository survives restarts, and a repository shared by all nodes makes a "
                            + "cluster hand over without loss.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "category watcher: when a wechat:events consumer receives a wxa_category_audit push for "
                            + "a watched account, check that account at once instead of waiting for the next poll. "
                            + "Messages still come from the state diff, so a transition seen by push and poll "
                            + "yields one message.")
    private boolean pushHints = true;

    @UriParam(label = "consumer,security", secret = true,
              description = "events: the push Token set in the WeChat console (message push settings); signatures "
                            + "are checked with it.")
    private String token;

    @UriParam(label = "consumer,security", secret = true,
              description = "events: the 43-character EncodingAESKey of safe mode; without it only plain-mode "
                            + "pushes are accepted.")
    private String encodingAesKey;

    @UriParam(label = "common",
              description = "api: the WeChat API path to call, under /cgi-bin/ or /wxa/ (for example "
                            + "/cgi-bin/wxopen/getcategoriesbytype). events: the platform-http path WeChat pushes to, "
                            + "/wechat/events when not set (the URL in the WeChat console is your server's base URL "
                            + "plus this path).")
    private String path;

    @UriParam(label = "producer", enums = "GET,POST", defaultValue = "POST",
              description = "api: the HTTP method of the WeChat API called. POST calls are treated as writes (a busy "
                            + "answer is not retried unless retryWrites), GET calls as reads.")
    private String method = "POST";

    @UriParam(label = "consumer,security", defaultValue = "300000", javaType = "java.time.Duration",
              description = "events: how far a push's timestamp may be from this server's clock; older or newer "
                            + "pushes are refused, and a nonce is refused if seen again within it.")
    private long timestampWindow = 300_000;

    @UriParam(label = "consumer,security", defaultValue = "65536",
              description = "events: the largest push body accepted, in bytes; larger ones are answered 413.")
    private int maxBodySize = 65_536;

    @UriParam(label = "common",
              description = "The appid of the official account or mini program to act for (events: the appid a "
                            + "decrypted push must carry; the platform's appid for third-party pushes). With tokenMode stable "
                            + "or classic it is also the account whose access token is fetched. The "
                            + "CamelWeChatAppId header overrides it per message.")
    private String appId;

    @UriParam(label = "security", secret = true,
              description = "The AppSecret of appId, used to fetch access tokens (tokenMode stable or classic).")
    private String appSecret;

    @UriParam(label = "security", enums = "stable,classic,static,authorizer", defaultValue = "stable",
              description = "Where access tokens come from: stable (POST /cgi-bin/stable_token in normal mode, the "
                            + "same token for every caller, safe for clusters), classic (GET /cgi-bin/token; each "
                            + "fetch ends the previous token 5 minutes later), static (the accessToken option, "
                            + "managed outside this component) or authorizer (a third-party platform acting for "
                            + "the accounts that authorized it; appId is the authorizer's appid). Ignored when "
                            + "accessTokenProvider is set.")
    private String tokenMode = TokenMode.STABLE.optionValue();

    @UriParam(label = "security",
              description = "A custom AccessTokenProvider bean (for example #myTokenService) that supplies tokens "
                            + "instead of the built-in modes.")
    private AccessTokenProvider accessTokenProvider;

    @UriParam(label = "security",
              description = "tokenMode authorizer: the third-party platform's appid (component_appid).")
    private String componentAppId;

    @UriParam(label = "security", secret = true,
              description = "tokenMode authorizer: the third-party platform's AppSecret (component_appsecret).")
    private String componentAppSecret;

    @UriParam(label = "security", secret = true,
              description = "tokenMode authorizer: an initial component_verify_ticket, saved into the "
                            + "verifyTicketStore if it holds none. WeChat pushes a new ticket every 10 minutes; the "
                            + "push receiver keeps the store up to date.")
    private String componentVerifyTicket;

    @UriParam(label = "security",
              description = "tokenMode authorizer: where verify tickets are kept (a VerifyTicketStore bean, for "
                            + "example a FileVerifyTicketStore); in memory by default.")
    private VerifyTicketStore verifyTicketStore;

    @UriParam(label = "security", secret = true,
              description = "tokenMode authorizer: the authorizer_refresh_token of the account named by appId, saved "
                            + "into the authorizerTokenStore if it holds none for that account.")
    private String authorizerRefreshToken;

    @UriParam(label = "security",
              description = "tokenMode authorizer: where the authorizer_refresh_token of each account is kept and "
                            + "the rotated ones WeChat returns are saved (an AuthorizerTokenStore bean, for example "
                            + "a FileAuthorizerTokenStore, or your database); in memory by default.")
    private AuthorizerTokenStore authorizerTokenStore;

    @UriParam(label = "security", secret = true,
              description = "The access token to use when tokenMode is static.")
    private String accessToken;

    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long before WeChat's expires_in a cached token is dropped and fetched again. When "
                            + "it is not smaller than half of expires_in, the token is kept for half of expires_in.")
    private long tokenExpiryMargin = 60_000;

    @UriParam(label = "security", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long before WeChat's expires_in a token is refreshed in the background, while "
                            + "callers keep using the valid one (at the latest at half of its cached life). 5 "
                            + "minutes matches the window in which stable_token already hands out the next token.")
    private long tokenRefreshAhead = 300_000;

    @UriParam(label = "security", defaultValue = "false",
              description = "tokenMode stable: when WeChat rejects a token and a normal fetch returns that same "
                            + "token, fetch with force_refresh=true, within WeChat's limit of 20 a day and 30 s "
                            + "apart. A forced refresh ends the token for every other holder, so it is off by "
                            + "default.")
    private boolean allowForceRefresh;

    @UriParam(label = "producer", defaultValue = "3",
              description = "How many times a read WeChat answered with -1 (system busy) is retried, with "
                            + "exponential backoff and jitter.")
    private int busyRetries = 3;

    @UriParam(label = "producer", defaultValue = "50", javaType = "java.time.Duration",
              description = "The base delay before the first busy retry (a random wait between half and all of it); each "
                            + "further retry waits up to twice as long. Short by default: a -1 is usually one busy "
                            + "backend answering one request, so a quick first retry keeps the tail latency low, "
                            + "and the doubling backs off when it persists.")
    private long busyRetryDelay = 50;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Also retry writes (set, add, modify, delete, upload) that WeChat answered busy. Off by "
                            + "default: a write WeChat applied before answering busy would apply twice. A write "
                            + "that timed out is never retried.")
    private boolean retryWrites;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL,
              description = "Scheme, host and port of the WeChat API, without a trailing slash. Change it to use a "
                            + "proxying gateway or the camel-wechat simulator.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "producer", enums = "image,voice,video,thumb", defaultValue = "image",
              description = "media upload: WeChat's type of the temporary media: image (JPEG, PNG, GIF; up to "
                            + "mediaMaxSize), voice (AMR, MP3; 2 MB), video (MP4; 10 MB) or thumb (JPEG; 64 KB). The "
                            + "CamelWeChatMediaType header overrides it per message.")
    private String mediaType = "image";

    @UriParam(label = "producer", defaultValue = "2097152",
              description = "media upload: the largest image, in bytes, sent to WeChat; larger bodies are rejected "
                            + "before any call. WeChat's pages mostly say 2 MB for images (the current one also "
                            + "mentions 10 MB): raise it if your account accepts more.")
    private long mediaMaxSize = DEFAULT_MEDIA_MAX_SIZE;

    public String getOp() {
        return op;
    }

    public void setOp(String op) {
        this.op = op;
    }

    public boolean isPushHints() {
        return pushHints;
    }

    public void setPushHints(boolean pushHints) {
        this.pushHints = pushHints;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEncodingAesKey() {
        return encodingAesKey;
    }

    public void setEncodingAesKey(String encodingAesKey) {
        this.encodingAesKey = encodingAesKey;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public long getTimestampWindow() {
        return timestampWindow;
    }

    public void setTimestampWindow(long timestampWindow) {
        this.timestampWindow = timestampWindow;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getAppIds() {
        return appIds;
    }

    public void setAppIds(String appIds) {
        this.appIds = appIds;
    }

    public WeChatAccountsProvider getAccountsProvider() {
        return accountsProvider;
    }

    public void setAccountsProvider(WeChatAccountsProvider accountsProvider) {
        this.accountsProvider = accountsProvider;
    }

    public int getPollConcurrency() {
        return pollConcurrency;
    }

    public void setPollConcurrency(int pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public boolean isEmitInitialState() {
        return emitInitialState;
    }

    public void setEmitInitialState(boolean emitInitialState) {
        this.emitInitialState = emitInitialState;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getTokenMode() {
        return tokenMode;
    }

    public void setTokenMode(String tokenMode) {
        this.tokenMode = tokenMode;
    }

    public AccessTokenProvider getAccessTokenProvider() {
        return accessTokenProvider;
    }

    public void setAccessTokenProvider(AccessTokenProvider accessTokenProvider) {
        this.accessTokenProvider = accessTokenProvider;
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

    public VerifyTicketStore getVerifyTicketStore() {
        return verifyTicketStore;
    }

    public void setVerifyTicketStore(VerifyTicketStore verifyTicketStore) {
        this.verifyTicketStore = verifyTicketStore;
    }

    public String getAuthorizerRefreshToken() {
        return authorizerRefreshToken;
    }

    public void setAuthorizerRefreshToken(String authorizerRefreshToken) {
        this.authorizerRefreshToken = authorizerRefreshToken;
    }

    public AuthorizerTokenStore getAuthorizerTokenStore() {
        return authorizerTokenStore;
    }

    public void setAuthorizerTokenStore(AuthorizerTokenStore authorizerTokenStore) {
        this.authorizerTokenStore = authorizerTokenStore;
    }

    public long getTokenRefreshAhead() {
        return tokenRefreshAhead;
    }

    public void setTokenRefreshAhead(long tokenRefreshAhead) {
        this.tokenRefreshAhead = tokenRefreshAhead;
    }

    public boolean isAllowForceRefresh() {
        return allowForceRefresh;
    }

    public void setAllowForceRefresh(boolean allowForceRefresh) {
        this.allowForceRefresh = allowForceRefresh;
    }

    public int getBusyRetries() {
        return busyRetries;
    }

    public void setBusyRetries(int busyRetries) {
        this.busyRetries = busyRetries;
    }

    public long getBusyRetryDelay() {
        return busyRetryDelay;
    }

    public void setBusyRetryDelay(long busyRetryDelay) {
        this.busyRetryDelay = busyRetryDelay;
    }

    public boolean isRetryWrites() {
        return retryWrites;
    }

    public void setRetryWrites(boolean retryWrites) {
        this.retryWrites = retryWrites;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public long getTokenExpiryMargin() {
        return tokenExpiryMargin;
    }

    public void setTokenExpiryMargin(long tokenExpiryMargin) {
        this.tokenExpiryMargin = tokenExpiryMargin;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public long getMediaMaxSize() {
        return mediaMaxSize;
    }

    public void setMediaMaxSize(long mediaMaxSize) {
        this.mediaMaxSize = mediaMaxSize;
    }

    public WeChatConfiguration copy() {
        try {
            return (WeChatConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
