package io.camelwechat.component.wechat.internal.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.WeChatCredentialsProvider;

/**
 * The app secrets known to one component, by appid: those of endpoints (registered when they start), then the
 * {@code appSecrets} option, then the {@code credentialsProvider} bean, whose answers are kept. A message may act for
 * any account known this way through the {@code CamelWeChatAppId} header. Thread-safe.
 */
public final class AppCredentials {

    private final Map<String, Secret> secretsByAppId = new ConcurrentHashMap<>();
    private final Map<String, String> configured;
    private final WeChatCredentialsProvider provider;
    private final String options;

    /** Only what endpoints register (for third-party platforms' component secrets). */
    public AppCredentials() {
        this(Map.of(), null, "componentAppId and componentAppSecret");
    }

    /**
     * @param configured the {@code appSecrets} option (appid to secret)
     * @param provider   the {@code credentialsProvider} option, or null
     */
    public AppCredentials(Map<String, String> configured, WeChatCredentialsProvider provider) {
        this(configured, provider, "appSecrets (camel.component.wechat.app-secrets[<appid>]) or a "
                                   + "credentialsProvider bean, or appId and appSecret on an endpoint");
    }

    private AppCredentials(Map<String, String> configured, WeChatCredentialsProvider provider, String options) {
        this.configured = Map.copyOf(configured);
        this.provider = provider;
        this.options = options;
    }

    /**
     * @throws IllegalArgumentException if the appid is already registered with a different secret
     */
    public void register(String appId, Secret appSecret) {
        Secret previous = secretsByAppId.putIfAbsent(appId, appSecret);
        if (previous != null && !previous.equals(appSecret)) {
            throw new IllegalArgumentException("appId " + appId + " is configured with two different appSecret "
                                               + "values; configure one secret per account");
        }
    }

    /**
     * @throws IllegalArgumentException naming the account and the options that give secrets, if none does
     */
    public Secret secretFor(String appId) {
        Secret secret = find(appId);
        if (secret == null) {
            throw new IllegalArgumentException("no appSecret is known for appId " + appId + ": give it with "
                                               + options);
        }
        return secret;
    }

    public boolean isKnown(String appId) {
        return find(appId) != null;
    }

    private Secret find(String appId) {
        Secret known = secretsByAppId.get(appId);
        if (known != null || appId == null) {
            return known;
        }
        Secret found = Secret.ofNullable(configured.get(appId));
        if (found == null && provider != null) {
            found = Secret.ofNullable(provider.appSecret(appId));
        }
        if (found != null) {
            secretsByAppId.putIfAbsent(appId, found);
        }
        return found;
    }
}
