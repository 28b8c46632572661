package io.camelwechat.component.wechat.internal.token;

import java.time.Duration;

import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.Secret;

/**
 * Hands out a token managed outside this component (tokenMode {@code static}). It cannot be refreshed: an
 * invalidation is ignored, and a rejected token surfaces as the error WeChat gave.
 */
public final class StaticAccessTokenProvider implements AccessTokenProvider {

    private final AccessToken token;

    public StaticAccessTokenProvider(Secret accessToken) {
        if (accessToken == null) {
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
