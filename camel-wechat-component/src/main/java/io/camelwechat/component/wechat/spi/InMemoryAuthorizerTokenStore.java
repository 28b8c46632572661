package io.camelwechat.component.wechat.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps authorizer refresh tokens in memory. A restart loses the rotated tokens: use {@link FileAuthorizerTokenStore}
 * or your own store unless the refresh tokens are given again at start.
 */
public final class InMemoryAuthorizerTokenStore implements AuthorizerTokenStore {

    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    @Override
    public Optional<String> loadRefreshToken(String componentAppId, String authorizerAppId) {
        return Optional.ofNullable(refreshTokens.get(componentAppId + "/" + authorizerAppId));
    }

    @Override
    public void saveRefreshToken(String componentAppId, String authorizerAppId, String refreshToken) {
        refreshTokens.put(componentAppId + "/" + authorizerAppId, refreshToken);
    }

    @Override
    public String toString() {
        return "InMemoryAuthorizerTokenStore[" + refreshTokens.size() + " authorizers]";
    }
}
