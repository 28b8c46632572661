package io.camelwechat.component.wechat.token;

/** Obtains a fresh access token from WeChat for one account. */
@FunctionalInterface
public interface TokenFetcher {

    AccessToken fetch(String appId);
}
