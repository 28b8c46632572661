package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One access token handed out by the simulator. It dies either naturally ({@code expiresAt}, answered with
 * 42001) or because it was replaced ({@code revokedAt}, answered with 40001), whichever comes first.
 */
final class IssuedToken {

    /**
     * Where the token came from. {@code COMPONENT} tokens belong to a third-party platform and only open the
     * component APIs; the other kinds are access tokens of an account and open every other API.
     */
    enum Kind { CLASSIC, STABLE, AUTHORIZER, COMPONENT }

    private final String value;
    private final String appId;
    private final Kind kind;
    private final Instant expiresAt;
    private volatile Instant revokedAt;

    IssuedToken(String value, String appId, Kind kind, Instant expiresAt) {
        this.value = value;
        this.appId = appId;
        this.kind = kind;
        this.expiresAt = expiresAt;
    }

    String value() {
        return value;
    }

    /** The account's appid, or the component appid for a {@code COMPONENT} token. */
    String appId() {
        return appId;
    }

    Kind kind() {
        return kind;
    }

    /** Seconds of natural life left, never negative. */
    long expiresInSeconds(Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).getSeconds());
    }

    /** Schedules the end of this token's validity; an earlier scheduled end is kept. */
    void revokeAt(Instant when) {
        synchronized (this) {
            if (revokedAt == null || when.isBefore(revokedAt)) {
                revokedAt = when;
            }
        }
    }

    boolean isValid(Instant now) {
        return failure(now) == null;
    }

    /** Why the token cannot be used now, or {@code null} if it can. */
    ErrorCode failure(Instant now) {
        Instant revoked = revokedAt;
        boolean revokedFirst = revoked != null && !revoked.isAfter(expiresAt);
        if (revokedFirst && !now.isBefore(revoked)) {
            return ErrorCode.INVALID_CREDENTIAL;
        }
        if (!now.isBefore(expiresAt)) {
            return ErrorCode.ACCESS_TOKEN_EXPIRED;
        }
        return null;
    }

    /** Never prints the token value. */
    @Override
    public String toString() {
        return "IssuedToken[" + kind + " for " + appId + ", expires " + expiresAt + "]";
    }
}
