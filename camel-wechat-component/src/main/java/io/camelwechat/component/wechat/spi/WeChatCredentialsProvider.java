package io.camelwechat.component.wechat.spi;

/**
 * The AppSecret of an account, for many accounts whose secrets live elsewhere (a vault, a database of tenants):
 * the component option {@code credentialsProvider=#bean}. Asked when the component first acts for an account
 * whose secret no endpoint and no {@code appSecrets} entry gives; the answer is kept for the component's life.
 * <p>
 * Implementations must be thread-safe: producers and the watcher's fetch threads may ask at once.
 */
@FunctionalInterface
public interface WeChatCredentialsProvider {

    /** The account's AppSecret, or null when this provider does not know the account. */
    String appSecret(String appId);
}
