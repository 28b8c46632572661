package io.camelwechat.component.wechat.token;

import java.time.Duration;

/**
 * What an endpoint says about its tokens: where they come from and for which account. {@link #toString()} leaves
 * the secret and the token out.
 */
public record TokenSettings(TokenMode mode, String appId, String appSecret, String accessToken, String baseUrl,
        Duration expiryMargin) {

    @Override
    public String toString() {
        return "TokenSettings[mode=" + mode + ", appId=" + appId + ", baseUrl=" + baseUrl + ", expiryMargin="
               + expiryMargin + "]";
    }
}
