package io.camelwechat.component.wechat.internal.token;

import io.camelwechat.component.wechat.spi.AccessToken;

/** Obtains a fresh access token from WeChat for one account. */
@FunctionalInterface
public interface TokenFetcher {

    AccessToken fetch(String appId);
}
