package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One simulated third-party platform (open platform "component"): its secret, the verify tickets pushed to
 * it and the accounts that authorized it (wechat-api-facts.md section 3). A component is not an account: it
 * has no industry, categories or media, and its appid lives in its own namespace.
 *
 * <p>Every method holds the component's lock, so a refresh and a revocation never interleave.
 */
final class Component {

    private final String appId;
    private final RandomIds ids;
    private volatile String secret;
    private final VerifyTickets tickets = new VerifyTickets();
    private final Map<String, Authorization> authorizations = new HashMap<>();

    Component(String appId, String secret, RandomIds ids) {
        this.appId = appId;
        this.secret = secret;
        this.ids = ids;
    }

    String appId() {
        return appId;
    }

    void secret(String newSecret) {
        this.secret = newSecret;
    }

    /** Constant-time comparison, as a credential check should be. */
    boolean secretMatches(String candidate) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** What WeChat pushes every 10 minutes; valid 12 hours. */
    synchronized String issueTicket(Instant now) {
        return tickets.issue(ids, now);
    }

    /** @throws ApiError 61006 missing or unknown, 61005 expired */
    synchronized void checkTicket(String ticket, Instant now) {
        tickets.check(ticket, now);
    }

    /** The account authorizes this platform (again): answers the initial refresh token. */
    synchronized String authorize(String authorizerAppId, Instant now) {
        return authorizations.computeIfAbsent(authorizerAppId, id -> new Authorization()).grant(ids, now);
    }

    /** @return {@code false} if the account never authorized this platform */
    synchronized boolean revoke(String authorizerAppId, Instant now) {
        Authorization authorization = authorizations.get(authorizerAppId);
        if (authorization == null) {
            return false;
        }
        authorization.revoke(now);
        return true;
    }

    /** A new authorizer_access_token and the refresh token that came with it (the same, or a rotated one). */
    record Refreshed(IssuedToken accessToken, String refreshToken) {
    }

    /**
     * {@code api_authorizer_token}: checks the refresh token (rotating it when {@code rotate}) and issues an
     * access token, atomically with respect to a revocation (which must also end the token issued here).
     *
     * @throws ApiError 61003 when the account never authorized this platform, 61023 when the refresh token is
     *                  not valid for this authorizer of this platform
     */
    synchronized Refreshed refresh(String authorizerAppId, String refreshToken, boolean rotate,
                                   Supplier<IssuedToken> issue, Instant now) {
        Authorization authorization = authorizations.get(authorizerAppId);
        if (authorization == null) {
            throw new ApiError(ErrorCode.COMPONENT_NOT_AUTHORIZED);
        }
        String answered = authorization.refresh(refreshToken, rotate, ids, now);
        IssuedToken accessToken = issue.get();
        authorization.track(accessToken, now);
        return new Refreshed(accessToken, answered);
    }

    /**
     * The newest refresh token, {@code null} after a revocation.
     *
     * @throws IllegalArgumentException if the account never authorized this platform
     */
    synchronized String currentRefreshToken(String authorizerAppId) {
        Authorization authorization = authorizations.get(authorizerAppId);
        if (authorization == null) {
            throw new IllegalArgumentException(authorizerAppId + " never authorized component " + appId);
        }
        return authorization.current();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Component[" + appId + "]";
    }
}
