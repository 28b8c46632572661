package io.camelwechat.component.wechat;

import java.time.Duration;

import io.camelwechat.component.wechat.token.TokenMode;
import io.camelwechat.component.wechat.token.TokenSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Every endpoint option, declared once. The component holds one instance as defaults; each endpoint starts from a
 * copy of it and applies its own URI options on top. {@link #toString()} leaves secrets out.
 */
@UriParams
public class WeChatConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.weixin.qq.com";
    public static final long DEFAULT_MEDIA_MAX_SIZE = 2L * 1024 * 1024;

    @UriParam(label = "producer", enums = "set,get,add,modify,list,all,delete,upload",
              description = "The operation to perform: for industry set (setIndustry) or get (getIndustry); for "
                            + "category add, modify, list (getSettingCategories), all (getAllCategories) or delete; "
                            + "for media upload (temporary image). The CamelWeChatOperation header overrides it "
                            + "per message.")
    private String op;

    @UriParam(label = "common",
              description = "The appid of the official account or mini program to act for. With tokenMode stable "
                            + "or classic it is also the account whose access token is fetched. The "
                            + "CamelWeChatAppId header overrides it per message.")
    private String appId;

    @UriParam(label = "security", secret = true,
              description = "The AppSecret of appId, used to fetch access tokens (tokenMode stable or classic).")
    private String appSecret;

    @UriParam(label = "security", enums = "stable,classic,static", defaultValue = "stable",
              description = "Where access tokens come from: stable (POST /cgi-bin/stable_token in normal mode, the "
                            + "same token for every caller, safe for clusters), classic (GET /cgi-bin/token; each "
                            + "fetch ends the previous token 5 minutes later) or static (the accessToken option, "
                            + "managed outside this component).")
    private String tokenMode = TokenMode.STABLE.optionValue();

    @UriParam(label = "security", secret = true,
              description = "The access token to use when tokenMode is static.")
    private String accessToken;

    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long before WeChat's expires_in a cached token is dropped and fetched again. When "
                            + "it is not smaller than half of expires_in, the token is kept for half of expires_in.")
    private long tokenExpiryMargin = 60_000;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL,
              description = "Scheme, host and port of the WeChat API, without a trailing slash. Change it to use a "
                            + "proxying gateway or the camel-wechat simulator.")
    private String baseUrl = DEFAULT_BASE_URL;

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

    public TokenMode tokenModeValue() {
        return TokenMode.fromOption(tokenMode);
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

    /** The token part of this configuration; the mode is parsed, so an unknown value fails here. */
    public TokenSettings tokenSettings() {
        return new TokenSettings(tokenModeValue(), appId, appSecret, accessToken, baseUrl,
                Duration.ofMillis(tokenExpiryMargin));
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        // a trailing slash would double the one every path starts with
        this.baseUrl = baseUrl != null && baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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

    @Override
    public String toString() {
        return "WeChatConfiguration[op=" + op + ", appId=" + appId + ", tokenMode=" + tokenMode + ", baseUrl="
               + baseUrl + "]";
    }
}
