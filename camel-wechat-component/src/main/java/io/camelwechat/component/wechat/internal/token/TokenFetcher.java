package io.camelwechat.component.wechat.internal.token;

import io.camelwechat.component.wechat.spi.AccessToken;

/** Obtains a fresh access token for one account. */
@FunctionalInterface
public interface TokenFetcher {

    AccessToken fetch(String appId);

    /** A token to replace {@code current} ahead of its expiry; a plain fetch, unless tokens are shared. */
    default AccessToken refresh(String appId, AccessToken current) {
        return fetch(appId);
    }

    /** WeChat rejected this token: a fetcher that shares tokens with other nodes forgets it there too. */
    default void rejected(String appId, String token) {
    }
}
