package io.camelwechat.component.wechat.token;

import java.time.Duration;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Caches one token per account in Caffeine.
 * <ul>
 * <li>Single flight: callers racing for an account with no valid token wait for one fetch.</li>
 * <li>Each token lives for WeChat's {@code expires_in} minus a safety margin, so it is dropped before WeChat
 * stops accepting it. When the margin is not smaller than half of {@code expires_in}, the token lives half of
 * {@code expires_in} instead, so that a short answer (stable_token answers the remaining lifetime) is still
 * cached.</li>
 * <li>{@link #invalidate} removes a token only if it is still the cached one (compare-and-invalidate).</li>
 * </ul>
 * Time comes from the given {@link Ticker}, so tests move time instead of sleeping.
 */
public final class CachingAccessTokenProvider implements AccessTokenProvider {

    private final LoadingCache<String, AccessToken> tokens;

    public CachingAccessTokenProvider(TokenFetcher fetcher, Duration expiryMargin, Ticker ticker) {
        Objects.requireNonNull(fetcher, "fetcher");
        if (expiryMargin == null || expiryMargin.isNegative()) {
            throw new IllegalArgumentException("tokenExpiryMargin must not be negative, got " + expiryMargin);
        }
        this.tokens = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.creating((String appId, AccessToken token) -> lifetime(token, expiryMargin)))
                .build(fetcher::fetch);
    }

    static Duration lifetime(AccessToken token, Duration margin) {
        Duration expiresIn = token.expiresIn();
        return expiresIn.compareTo(margin.multipliedBy(2)) > 0 ? expiresIn.minus(margin) : expiresIn.dividedBy(2);
    }

    @Override
    public AccessToken getToken(String appId) {
        return tokens.get(appId);
    }

    @Override
    public void invalidate(String appId, String rejectedToken) {
        tokens.asMap().computeIfPresent(appId, (key, cached) -> cached.value().equals(rejectedToken) ? null : cached);
    }
}
