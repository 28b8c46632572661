package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's authorization of one third-party platform: its authorizer_refresh_tokens and the
 * authorizer_access_tokens issued through it (wechat-api-facts.md section 3).
 *
 * <ul>
 *   <li>A refresh answers the refresh token it was given, as WeChat's current doc does. With rotation on (a
 *       fault, {@link Faults#rotateAuthorizerRefreshTokens}: the older behaviour that community reports show),
 *       it rotates instead: the answer carries a new one, and the one that was current stays valid 5 more
 *       minutes (the reported overlap), then answers 61023.</li>
 *   <li>Refresh tokens have no natural expiry: WeChat documents none; they end only by rotation,
 *       re-authorization or revocation.</li>
 *   <li>Re-authorizing invalidates every earlier refresh token at once (the api_query_auth page: "after the
 *       user authorizes again, the previous refresh token becomes invalid").</li>
 *   <li>Revoking invalidates the refresh tokens and the authorizer_access_tokens issued through this
 *       authorization at once.</li>
 * </ul>
 * Not thread-safe: used under the owning {@link Component}'s lock.
 */
final class Authorization {

    static final Duration REFRESH_OVERLAP = Duration.ofMinutes(5);
    /** The length of the refresh token in WeChat's api_query_auth example. */
    private static final int REFRESH_TOKEN_LENGTH = 43;
    private static final Instant OPEN_ENDED = Instant.MAX;

    /** Refresh token value to the instant it stops working ({@link #OPEN_ENDED} for the current one). */
    private final Map<String, Instant> refreshTokens = new HashMap<>();
    private final List<IssuedToken> accessTokens = new ArrayList<>();
    private String current;

    /** (Re-)authorization: every earlier refresh token ends now; answers the new one. */
    String grant(RandomIds ids, Instant now) {
        endAll(now);
        current = newRefreshToken(ids);
        return current;
    }

    /** Revocation: no refresh token works any more, nor any access token issued through this authorization. */
    void revoke(Instant now) {
        endAll(now);
        current = null;
        accessTokens.forEach(token -> token.revokeAt(now));
        accessTokens.clear();
    }

    /**
     * Checks a presented refresh token and answers the one to hand back: the same one, or with {@code rotate}
     * a new one, the previously current token getting the 5-minute overlap.
     *
     * @throws ApiError 61023 for a missing, unknown or ended refresh token
     */
    String refresh(String presented, boolean rotate, RandomIds ids, Instant now) {
        Instant end = presented == null ? null : refreshTokens.get(presented);
        if (end == null || !now.isBefore(end)) {
            throw new ApiError(ErrorCode.INVALID_REFRESH_TOKEN);
        }
        if (!rotate) {
            return presented;
        }
        refreshTokens.values().removeIf(until -> !now.isBefore(until)); // ended tokens answer 61023 as unknown ones
        if (current != null) { // null only after a revocation, and then only a clock set backwards gets here
            refreshTokens.put(current, now.plus(REFRESH_OVERLAP));
        }
        current = newRefreshToken(ids);
        return current;
    }

    /** Remembers an access token issued through this authorization, so that revocation can end it. */
    void track(IssuedToken accessToken, Instant now) {
        accessTokens.removeIf(token -> !token.isValid(now)); // dead tokens need no revoking
        accessTokens.add(accessToken);
    }

    /** The newest refresh token, or {@code null} after a revocation. */
    String current() {
        return current;
    }

    private void endAll(Instant now) {
        refreshTokens.replaceAll((token, until) -> until.isAfter(now) ? now : until);
    }

    private String newRefreshToken(RandomIds ids) {
        while (true) {
            String token = ids.next(REFRESH_TOKEN_LENGTH);
            if (refreshTokens.putIfAbsent(token, OPEN_ENDED) == null) {
                return token;
            }
        }
    }
}
