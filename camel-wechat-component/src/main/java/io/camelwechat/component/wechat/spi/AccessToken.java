package io.camelwechat.component.wechat.token;

import java.time.Duration;

/**
 * An access token and how long WeChat said it is valid for, counted from when it was received. {@link #toString()}
 * never shows the value.
 */
public record AccessToken(String value, Duration expiresIn) {

    public AccessToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        if (expiresIn == null || expiresIn.isNegative()) {
            throw new IllegalArgumentException("expiresIn must not be negative, got " + expiresIn);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[value=***, expiresIn=" + expiresIn + "]";
    }
}
