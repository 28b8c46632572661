package io.camelwechat.component.wechat.spi;

import java.util.Optional;

/**
 * Supplies the access token to call WeChat with, per account (the appid), as {@code accessTokenProvider=#bean}
 * does for a token service of your own.
 * <p>
 * Implementations must be thread-safe: every producer, the category watcher's fetch threads and the readiness
 * check call them at once. {@link #getToken} is on every call's path, so it should answer from memory when it can.
 */
public interface AccessTokenProvider {

    /**
     * The token to use now for {@code appId}; may block while a token is fetched.
     *
     * @throws io.camelwechat.component.wechat.WeChatException if no token can be obtained
     * @throws IllegalArgumentException                               if the account is not known to this provider
     */
    AccessToken getToken(String appId);

    /**
     * WeChat rejected {@code rejectedToken} (errcode 40001, 40014 or 42001). The provider forgets it, but only if
     * it is still the token it would hand out: when many calls fail with the same stale token, one refetch
     * follows, not one per call.
     */
    void invalidate(String appId, String rejectedToken);

    /**
     * WeChat rejected a token and a normal refetch returned the same one. A provider that may bypass WeChat's own
     * caching ({@code force_refresh}) does so, within WeChat's limits, and returns the new token; the default is
     * empty: no way to force.
     *
     * @throws ForceRefreshRefusedException saying why a forced refresh is not possible now (WeChat's limits); any
     *                                      other exception is reported as the failure it is
     */
    default Optional<AccessToken> forceRefresh(String appId, String rejectedToken) {
        return Optional.empty();
    }
}
