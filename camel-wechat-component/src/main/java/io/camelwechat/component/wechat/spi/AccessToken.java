package io.camelwechat.component.wechat.spi;

import java.time.Duration;

/**
 * An access token and how long WeChat said it is valid for, counted from when it was received. The value is a
 * {@link Secret}, so the record's {@code toString()} never shows it.
 */
public record AccessToken(Secret secret, Duration expiresIn) {

    public AccessToken {
        if (secret == null) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        if (expiresIn == null || expiresIn.isNegative()) {
            throw new IllegalArgumentException("expiresIn must not be negative, got " + expiresIn);
        }
    }

    /**
     * @throws IllegalArgumentException if the value is blank or expiresIn negative
     */
    public AccessToken(String value, Duration expiresIn) {
        this(Secret.ofNullable(value), expiresIn);
    }

    /** The token itself, as WeChat expects it in the {@code access_token} query parameter. */
    public String value() {
        return secret.reveal();
    }
}
