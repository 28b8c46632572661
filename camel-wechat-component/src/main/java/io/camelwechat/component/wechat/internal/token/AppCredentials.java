package io.camelwechat.component.wechat.internal.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelwechat.component.wechat.spi.Secret;

/**
 * The app secrets known to one component, by appid. Endpoints register their {@code appId}/{@code appSecret} when
 * they start; a message may then act for any registered account through the {@code CamelWeChatAppId} header.
 * Thread-safe.
 */
public final class AppCredentials {

    private final Map<String, Secret> secretsByAppId = new ConcurrentHashMap<>();

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
     * @throws IllegalArgumentException if no endpoint or component configured this appid with a secret
     */
    public Secret secretFor(String appId) {
        Secret secret = secretsByAppId.get(appId);
        if (secret == null) {
            throw new IllegalArgumentException("no appSecret is configured for appId " + appId
                                               + ": configure appId and appSecret on the component or an endpoint "
                                               + "before acting for this account");
        }
        return secret;
    }

    public boolean isKnown(String appId) {
        return secretsByAppId.containsKey(appId);
    }
}
