package io.camelwechat.component.wechat.internal.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.internal.support.KeyedLocks;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches one token per account in Caffeine.
 * <ul>
 * <li>Single flight: callers racing for an account without a valid token wait for one fetch.</li>
 * <li>Hard expiry: a token lives for WeChat's {@code expires_in} minus a safety margin (half of
 * {@code expires_in} when the margin is not smaller than that), so it is dropped before WeChat stops accepting
 * it.</li>
 * <li>Refresh ahead: once a token is within {@code refreshAhead} of WeChat's expiry (or past half of its life),
 * the next caller triggers a fetch on the executor and is served the still-valid token; after warm-up no caller
 * waits on a fetch. A failed background refresh keeps the token and is tried again after
 * {@code refreshRetryDelay}.</li>
 * <li>{@link #invalidate} removes a token only if it is still the cached one (compare-and-invalidate).</li>
 * </ul>
 * A hit does not go through Caffeine: every token Caffeine holds is also published, inside Caffeine's per-key
 * compute, to a per-account {@link Latest} that a hit reads with one map lookup, one volatile read and one clock
 * read. Caffeine stays the single place that loads, expires and replaces tokens. Time comes from the given
 * {@link Ticker}, so tests move time instead of sleeping. Thread-safe.
 */
public final class CachingAccessTokenProvider implements AccessTokenProvider {

    /** How long tokens live and when they are refreshed. */
    public record Policy(Duration expiryMargin, Duration refreshAhead, Duration refreshRetryDelay) {

        /** After a failed background refresh, the cached token is served this long before the next attempt. */
        static final Duration REFRESH_RETRY_DELAY = Duration.ofSeconds(10);

        /** The options' policy: margin and refresh-ahead as configured, failed refreshes retried after 10 s. */
        public Policy(Duration expiryMargin, Duration refreshAhead) {
            this(expiryMargin, refreshAhead, REFRESH_RETRY_DELAY);
        }

        public Policy {
            requireNotNegative(expiryMargin, "tokenExpiryMargin");
            requireNotNegative(refreshAhead, "tokenRefreshAhead");
            requireNotNegative(refreshRetryDelay, "tokenRefreshRetryDelay");
        }

        private static void requireNotNegative(Duration value, String option) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(option + " must not be negative, got " + value);
            }
        }

        Duration lifetime(AccessToken token) {
            Duration expiresIn = token.expiresIn();
            return expiresIn.compareTo(expiryMargin.multipliedBy(2)) > 0
                    ? expiresIn.minus(expiryMargin) : expiresIn.dividedBy(2);
        }

        Duration refreshAfter(AccessToken token) {
            Duration lifetime = lifetime(token);
            Duration beforeWeChatExpiry = token.expiresIn().minus(refreshAhead);
            Duration half = lifetime.dividedBy(2);
            return beforeWeChatExpiry.compareTo(half) > 0 && beforeWeChatExpiry.compareTo(lifetime) < 0
                    ? beforeWeChatExpiry : half;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CachingAccessTokenProvider.class);

    /**
     * A token with the ticker times at which it was received, at which it expires here and at which it is refreshed
     * ahead of expiry.
     */
    private record Cached(AccessToken token, long receivedAtNanos, long expiresAtNanos, long refreshAtNanos) {
    }

    /**
     * How an account's cached token stands, for consoles: never the token itself.
     *
     * @param age       since this node received it
     * @param expiresIn until this cache drops it (WeChat's expiry less the margin)
     * @param refreshIn until the next call starts a refresh ahead of expiry (zero once due)
     */
    public record TokenState(String appId, Duration age, Duration expiresIn, Duration refreshIn) {
    }

    /**
     * The token of one account as Caffeine last held it, for hits; written only inside Caffeine's compute for the
     * account, so a load, refresh or invalidation and what hits see cannot get out of order.
     */
    private static final class Latest {
        volatile Cached cached;
        final LongAdder hits;

        Latest(LongAdder hits) {
            this.hits = hits;
        }
    }

    private final TokenFetcher fetcher;
    private final TokenFetcher forceFetcher;
    private final Policy policy;
    private final Ticker ticker;
    private final TokenStatistics statistics;
    private final LoadingCache<String, Cached> tokens;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> refreshNotBefore = new ConcurrentHashMap<>();
    private final ForceRefreshLimiter forceLimiter;
    private final KeyedLocks forceLocks = new KeyedLocks();
    private final Executor refreshExecutor;

    /**
     * @param forceFetcher fetches bypassing WeChat's own cache ({@code force_refresh}), or null where the mode has
     *                     none or the user did not allow it
     * @param executor     runs background refreshes
     */
    public CachingAccessTokenProvider(TokenFetcher fetcher, TokenFetcher forceFetcher, Policy policy, Ticker ticker,
                                      Executor executor, TokenStatistics statistics) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.forceFetcher = forceFetcher;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.forceLimiter = new ForceRefreshLimiter(ticker);
        this.refreshExecutor = Objects.requireNonNull(executor, "executor");
        this.tokens = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.writing((String appId, Cached cached) -> policy.lifetime(cached.token())))
                .build(appId -> {
                    Cached cached = publish(appId, fetcher.fetch(appId));
                    statistics.fetched(appId);
                    return cached;
                });
    }

    /** Makes the token the one hits see; called only inside Caffeine's compute for the account. */
    private Cached publish(String appId, AccessToken token) {
        long now = ticker.read();
        Cached cached = new Cached(token, now, now + policy.lifetime(token).toNanos(),
                now + policy.refreshAfter(token).toNanos());
        latest.computeIfAbsent(appId, id -> new Latest(statistics.hitCounter(id))).cached = cached;
        return cached;
    }

    private void unpublish(String appId, Cached cached) {
        Latest current = latest.get(appId);
        if (current != null && current.cached == cached) {
            current.cached = null;
        }
    }

    @Override
    public AccessToken getToken(String appId) {
        Latest account = latest.get(appId);
        Cached cached = account == null ? null : account.cached;
        if (cached != null) {
            long now = ticker.read();
            if (now < cached.expiresAtNanos()) {
                account.hits.increment();
                if (now >= cached.refreshAtNanos()) {
                    refreshAheadIfDue(appId, cached, now);
                }
                return cached.token();
            }
        }
        return tokens.get(appId).token();
    }

    /** The cached token, if any, without counting a hit or starting a refresh. */
    public Optional<AccessToken> cachedToken(String appId) {
        return Optional.ofNullable(tokens.getIfPresent(appId)).map(Cached::token);
    }

    /** The accounts holding a token that is still valid here, by appid, read without touching the cache. */
    public List<TokenState> tokenStates() {
        long now = ticker.read();
        List<TokenState> states = new ArrayList<>();
        latest.forEach((appId, account) -> {
            Cached cached = account.cached;
            if (cached != null && now < cached.expiresAtNanos()) {
                states.add(new TokenState(appId, Duration.ofNanos(now - cached.receivedAtNanos()),
                        Duration.ofNanos(cached.expiresAtNanos() - now),
                        Duration.ofNanos(Math.max(0, cached.refreshAtNanos() - now))));
            }
        });
        states.sort(Comparator.comparing(TokenState::appId));
        return states;
    }

    /** Every account this cache has held a token for, valid now or not. */
    public Set<String> accounts() {
        return Set.copyOf(latest.keySet());
    }

    private void refreshAheadIfDue(String appId, Cached cached, long now) {
        if (now < refreshNotBefore.getOrDefault(appId, Long.MIN_VALUE) || !refreshing.add(appId)) {
            return;
        }
        try {
            refreshExecutor.execute(() -> refreshInBackground(appId, cached));
        } catch (RejectedExecutionException e) {
            refreshing.remove(appId); // shutting down: the hard expiry still protects callers
        }
    }

    private void refreshInBackground(String appId, Cached current) {
        AccessToken fresh;
        try {
            fresh = fetcher.refresh(appId, current.token());
        } catch (RuntimeException e) {
            refreshNotBefore.put(appId, ticker.read() + policy.refreshRetryDelay().toNanos());
            refreshing.remove(appId);
            statistics.refreshFailed(appId);
            LOG.warn("Refreshing the access token of {} in the background failed; the cached token stays in use and "
                     + "the refresh is tried again in {} s: {}", appId, policy.refreshRetryDelay().toSeconds(),
                    e.getMessage());
            return;
        }
        // unless the token was invalidated or replaced meanwhile, in which case that newer state wins
        tokens.asMap().computeIfPresent(appId, (key, cached) -> cached == current ? publish(appId, fresh) : cached);
        refreshNotBefore.remove(appId);
        refreshing.remove(appId);
        statistics.refreshedInBackground(appId);
    }

    @Override
    public void invalidate(String appId, String rejectedToken) {
        // where tokens are shared, there first (only if still stored: one rejection, one refetch cluster-wide); in
        // the other order a load racing in between would read the rejected token back from the database
        fetcher.rejected(appId, rejectedToken);
        boolean[] removed = { false };
        tokens.asMap().computeIfPresent(appId, (key, cached) -> {
            removed[0] = cached.token().value().equals(rejectedToken);
            if (!removed[0]) {
                return cached;
            }
            unpublish(appId, cached);
            return null;
        });
        if (removed[0]) {
            statistics.invalidated(appId);
        }
    }

    @Override
    public Optional<AccessToken> forceRefresh(String appId, String rejectedToken) {
        if (forceFetcher == null) {
            return Optional.empty();
        }
        // per account: a slow force_refresh of one account must not hold up the others sharing this cache
        return forceLocks.withLock(appId, () -> {
            // a racing caller may have forced already: its token serves everyone
            Optional<AccessToken> current = cachedToken(appId);
            if (current.isPresent() && !current.get().value().equals(rejectedToken)) {
                return current;
            }
            forceLimiter.acquire(appId);
            AccessToken forced = forceFetcher.refresh(appId, new AccessToken(rejectedToken, Duration.ZERO));
            statistics.forcedRefresh(appId);
            // a forced fetch ends every earlier token, so the forced one always replaces what is cached
            tokens.asMap().compute(appId, (key, cached) -> publish(appId, forced));
            return Optional.of(forced);
        });
    }
}
