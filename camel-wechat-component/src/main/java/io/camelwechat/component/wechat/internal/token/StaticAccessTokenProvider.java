package io.camelwechat.component.wechat.token;

import java.time.Duration;

/**
 * Hands out a token managed outside this component (tokenMode {@code static}). It cannot be refreshed: an
 * invalidation is ignored, and a rejected token surfaces as the error WeChat gave.
 */
public final class StaticAccessTokenProvider implements AccessTokenProvider {

    private final AccessToken token;

    public StaticAccessTokenProvider(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must be set when tokenMode is static");
        }
        // WeChat's lifetime is unknown here; the value is never expired by this provider
        this.token = new AccessToken(accessToken, Duration.ZERO);
    }

    @Override
    public AccessToken getToken(String appId) {
        return token;
    }

    @Override
    public void invalidate(String appId, String rejectedToken) {
        // nothing to refresh: the owner of the token must replace it
    }
}
