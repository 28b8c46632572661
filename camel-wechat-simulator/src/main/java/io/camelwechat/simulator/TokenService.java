package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks access tokens (wechat-api-facts.md section 2) and the third-party platform's
 * component and authorizer tokens (section 3).
 *
 * <ul>
 *   <li>Classic ({@code /cgi-bin/token}): every fetch issues a new token; the previous one stays valid for
 *       5 more minutes, then answers 40001.</li>
 *   <li>Stable ({@code /cgi-bin/stable_token}): normal mode returns the current token with its remaining
 *       lifetime, pre-rotating when less than 300 s remain (the old one lives out its own expiry);
 *       force mode issues a new token and invalidates the previous ones at once, at most 20 times a day;
 *       within 30 s of the previous force refresh it refreshes nothing and answers like normal mode.</li>
 *   <li>Classic and stable tokens are independent: neither kind ever revokes the other.</li>
 *   <li>Component ({@code api_component_token}) and authorizer ({@code api_authorizer_token}) tokens: every
 *       fetch issues a new one and the earlier ones live out their own 7200 s.</li>
 *   <li>All kinds share one value space, so a value is never handed out twice, and the kind decides where a
 *       token is accepted: component tokens only on the component APIs, all the others everywhere else.</li>
 * </ul>
 * Thread-safe: each account's token state is guarded by its own lock.
 */
final class TokenService {

    /** WeChat's {@code expires_in}: the default lifetime of every kind of token. */
    static final Duration LIFETIME = Duration.ofSeconds(7200);
    static final Duration CLASSIC_OVERLAP = Duration.ofMinutes(5);
    /** The stable pre-rotation window for the default lifetime; it scales with other lifetimes (1/24). */
    static final Duration STABLE_PRE_ROTATION = Duration.ofSeconds(300);
    static final int FORCE_REFRESHES_PER_DAY = 20;
    static final Duration FORCE_REFRESH_SPACING = Duration.ofSeconds(30);
    /** WeChat's daily quotas reset at midnight Beijing time. */
    static final ZoneOffset QUOTA_ZONE = ZoneOffset.ofHours(8);
    private static final int TOKEN_LENGTH = 64;

    private final Map<String, IssuedToken> byValue = new ConcurrentHashMap<>();
    private final Map<String, AccountTokens> byAccount = new ConcurrentHashMap<>();
    private final RandomIds ids;
    private final Duration lifetime;
    private final Duration preRotation;

    /**
     * @param lifetime how long every token lives ({@code expires_in}); the stable pre-rotation window keeps
     *                 WeChat's proportion, 300 s of 7200 s (a guess for other lifetimes)
     */
    TokenService(RandomIds ids, Duration lifetime) {
        this.ids = ids;
        this.lifetime = lifetime;
        this.preRotation = lifetime.multipliedBy(STABLE_PRE_ROTATION.getSeconds()).dividedBy(LIFETIME.getSeconds());
    }

    /** Per-account token state; all access synchronized on the instance. */
    private static final class AccountTokens {
        IssuedToken classic;
        IssuedToken stable;
        IssuedToken previousStable;
        final Deque<Instant> forceRefreshes = new ArrayDeque<>();
    }

    IssuedToken issueClassic(String appId, Instant now) {
        AccountTokens tokens = tokensOf(appId);
        synchronized (tokens) {
            if (tokens.classic != null) {
                tokens.classic.revokeAt(now.plus(CLASSIC_OVERLAP));
            }
            tokens.classic = issue(appId, IssuedToken.Kind.CLASSIC, now);
            return tokens.classic;
        }
    }

    /**
     * The stable token for an account. A force refresh within 30 s of the previous one refreshes nothing and
     * answers like normal mode ("需间隔 30 秒 ... 否则不会刷新", wechat-api-facts.md "More facts").
     *
     * @throws ApiError 45009 past 20 force refreshes in a (Beijing) day
     */
    IssuedToken stable(String appId, boolean forceRefresh, Instant now) {
        AccountTokens tokens = tokensOf(appId);
        synchronized (tokens) {
            if (forceRefresh && !tooSoonAfterLastForce(tokens.forceRefreshes, now)) {
                checkDailyForceRefreshes(tokens.forceRefreshes, now);
                tokens.forceRefreshes.addLast(now);
                revokeNow(tokens.stable, now);
                revokeNow(tokens.previousStable, now);
                tokens.previousStable = null;
                tokens.stable = issue(appId, IssuedToken.Kind.STABLE, now);
            } else if (needsRotation(tokens.stable, now)) {
                tokens.previousStable = tokens.stable;
                tokens.stable = issue(appId, IssuedToken.Kind.STABLE, now);
            }
            return tokens.stable;
        }
    }

    /**
     * A new authorizer_access_token for the authorizer account. It does not cut off the earlier ones: WeChat
     * does not document an overlap for authorizer tokens, so each simply lives its 7200 s.
     */
    IssuedToken issueAuthorizer(String authorizerAppId, Instant now) {
        return issue(authorizerAppId, IssuedToken.Kind.AUTHORIZER, now);
    }

    /** A new component_access_token; like authorizer tokens, the earlier ones live out their 7200 s. */
    IssuedToken issueComponent(String componentAppId, Instant now) {
        return issue(componentAppId, IssuedToken.Kind.COMPONENT, now);
    }

    /**
     * Resolves an access token to its account.
     *
     * @throws ApiError 41001 when missing, 40001 when unknown, replaced or a component token, 42001 when expired
     */
    String authenticate(String token, Instant now) {
        IssuedToken issued = byValue.get(token == null ? "" : token);
        if (issued != null && issued.kind() == IssuedToken.Kind.COMPONENT) {
            // a third-party platform is not an account: its token is no access token, alive or expired
            throw new ApiError(ErrorCode.INVALID_CREDENTIAL);
        }
        return resolve(token, now).appId();
    }

    /**
     * Resolves a component_access_token to its component appid.
     *
     * @throws ApiError 41001 when missing, 61014 for an account's access token, 40001 when unknown,
     *                  42001 when expired
     */
    String authenticateComponent(String token, Instant now) {
        IssuedToken issued = byValue.get(token == null ? "" : token);
        if (issued != null && issued.kind() != IssuedToken.Kind.COMPONENT) {
            // the api_getauthorizeraccesstoken page names this mistake (access or authorizer token) 61014
            throw new ApiError(ErrorCode.MUST_USE_COMPONENT_TOKEN);
        }
        return resolve(token, now).appId();
    }

    private IssuedToken resolve(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new ApiError(ErrorCode.ACCESS_TOKEN_MISSING);
        }
        IssuedToken issued = byValue.get(token);
        if (issued == null) {
            throw new ApiError(ErrorCode.INVALID_CREDENTIAL);
        }
        ErrorCode failure = issued.failure(now);
        if (failure != null) {
            throw new ApiError(failure);
        }
        return issued;
    }

    private boolean needsRotation(IssuedToken current, Instant now) {
        return current == null || !current.isValid(now)
                || current.expiresInSeconds(now) < preRotation.getSeconds();
    }

    private static boolean tooSoonAfterLastForce(Deque<Instant> history, Instant now) {
        Instant last = history.peekLast();
        return last != null && now.isBefore(last.plus(FORCE_REFRESH_SPACING));
    }

    private static void checkDailyForceRefreshes(Deque<Instant> history, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, QUOTA_ZONE);
        history.removeIf(at -> !LocalDate.ofInstant(at, QUOTA_ZONE).equals(today));
        if (history.size() >= FORCE_REFRESHES_PER_DAY) {
            throw new ApiError(ErrorCode.DAILY_QUOTA_REACHED);
        }
    }

    private static void revokeNow(IssuedToken token, Instant now) {
        if (token != null) {
            token.revokeAt(now);
        }
    }

    private IssuedToken issue(String appId, IssuedToken.Kind kind, Instant now) {
        while (true) {
            IssuedToken token = new IssuedToken(ids.next(TOKEN_LENGTH), appId, kind, now.plus(lifetime));
            if (byValue.putIfAbsent(token.value(), token) == null) { // tokens never collide
                return token;
            }
        }
    }

    private AccountTokens tokensOf(String appId) {
        return byAccount.computeIfAbsent(appId, id -> new AccountTokens());
    }
}
