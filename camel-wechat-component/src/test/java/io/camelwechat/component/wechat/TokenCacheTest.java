package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.TokenFetcher;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.ForceRefreshRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Caffeine token cache, with time moved by a fake ticker. */
class TokenCacheTest {

    private static final CachingAccessTokenProvider.Policy POLICY = new CachingAccessTokenProvider.Policy(
            Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ofSeconds(10));

    private final FakeTicker ticker = new FakeTicker();
    private final AtomicInteger fetches = new AtomicInteger();
    private final TokenFetcher fetcher = appId -> new AccessToken(appId + "-token-" + fetches.incrementAndGet(),
            Duration.ofSeconds(7200));
    private final TokenStatistics statistics = new TokenStatistics();
    private final ExecutorService refreshPool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPool() {
        refreshPool.shutdownNow();
    }

    private CachingAccessTokenProvider cache(TokenFetcher tokens) {
        return new CachingAccessTokenProvider(tokens, null, POLICY, ticker, refreshPool, statistics);
    }

    @Test
    void getToken_cachesPerAccount() {
        CachingAccessTokenProvider tokens = cache(fetcher);

        String first = tokens.getToken("wxa").value();
        assertEquals(first, tokens.getToken("wxa").value());
        assertNotEquals(first, tokens.getToken("wxb").value());
        assertEquals(2, fetches.get());
        assertEquals(1, statistics.snapshot("wxa").hits());
        assertEquals(1, statistics.snapshot("wxa").fetches());
    }

    @Test
    void getToken_racingCallersShareOneFetch() throws Exception {
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch releaseFetch = new CountDownLatch(1);
        CachingAccessTokenProvider tokens = cache(appId -> {
            fetchStarted.countDown();
            await(releaseFetch);
            return fetcher.fetch(appId);
        });
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(callers.submit(() -> tokens.getToken("wxa").value()));
            }
            assertTrue(fetchStarted.await(10, TimeUnit.SECONDS));
            releaseFetch.countDown();
            for (Future<String> answer : answers) {
                assertEquals("wxa-token-1", answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void getToken_hardExpiryAtExpiresInMinusMargin() {
        CachingAccessTokenProvider tokens = cache(fetcher);
        tokens.getToken("wxa");

        ticker.advance(Duration.ofSeconds(7200 - 60).minusMillis(1));
        assertEquals("wxa-token-1", cached(tokens));

        ticker.advance(Duration.ofMillis(1));
        assertEquals(null, cached(tokens), "expired: the next caller fetches");
    }

    @Test
    void getToken_shortLifetimeKeepsHalfOfIt() {
        CachingAccessTokenProvider tokens = cache(appId -> new AccessToken("short-" + fetches.incrementAndGet(),
                Duration.ofSeconds(100)));
        tokens.getToken("wxa");

        ticker.advance(Duration.ofSeconds(49));
        assertEquals("short-1", cached(tokens));
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(null, cached(tokens));
    }

    @Test
    void refreshAhead_callerGetsTheValidTokenWhileTheFetchRunsInTheBackground() throws Exception {
        CountDownLatch releaseBackgroundFetch = new CountDownLatch(1);
        AtomicBoolean blockNextFetch = new AtomicBoolean();
        CachingAccessTokenProvider tokens = cache(appId -> {
            if (blockNextFetch.get()) {
                await(releaseBackgroundFetch);
            }
            return fetcher.fetch(appId);
        });
        tokens.getToken("wxa");
        blockNextFetch.set(true);
        ticker.advance(Duration.ofSeconds(7200 - 300));

        // the background fetch is blocked, yet the caller is answered with the still-valid token
        assertEquals("wxa-token-1", tokens.getToken("wxa").value());
        assertEquals("wxa-token-1", tokens.getToken("wxa").value());
        releaseBackgroundFetch.countDown();

        awaitCondition(() -> statistics.snapshot("wxa").backgroundRefreshes() == 1);
        assertEquals("wxa-token-2", cached(tokens), "one refresh for two callers");
        assertEquals(1, statistics.snapshot("wxa").fetches(), "only the first fetch made a caller wait");
    }

    @Test
    void refreshAhead_failureKeepsServingTheValidTokenAndTriesAgainLater() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        CachingAccessTokenProvider tokens = cache(appId -> {
            if (failing.get()) {
                attempts.incrementAndGet();
                throw new IllegalStateException("WeChat is unreachable");
            }
            return fetcher.fetch(appId);
        });
        tokens.getToken("wxa");
        failing.set(true);
        ticker.advance(Duration.ofSeconds(7200 - 300));

        assertEquals("wxa-token-1", tokens.getToken("wxa").value());
        awaitCondition(() -> statistics.snapshot("wxa").refreshFailures() == 1);
        assertEquals("wxa-token-1", tokens.getToken("wxa").value(), "still valid, still served");
        assertEquals(1, attempts.get(), "no new attempt before the retry delay");

        failing.set(false);
        ticker.advance(Duration.ofSeconds(10));
        assertEquals("wxa-token-1", tokens.getToken("wxa").value(), "served while the retry runs");
        awaitCondition(() -> "wxa-token-2".equals(cached(tokens)));
        awaitCondition(() -> statistics.snapshot("wxa").backgroundRefreshes() == 1);
    }

    @Test
    void invalidate_onlyRemovesTheTokenThatWasRejected() {
        CachingAccessTokenProvider tokens = cache(fetcher);
        String stale = tokens.getToken("wxa").value();

        tokens.invalidate("wxa", stale);
        String fresh = tokens.getToken("wxa").value();
        tokens.invalidate("wxa", stale);

        assertEquals(fresh, tokens.getToken("wxa").value(), "a late failure with the old token keeps the new one");
        assertEquals(2, fetches.get());
        assertEquals(1, statistics.snapshot("wxa").invalidations());
    }

    @Test
    void forceRefresh_keepsToWeChatsLimits() {
        AtomicInteger forced = new AtomicInteger();
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(fetcher,
                appId -> new AccessToken("forced-" + forced.incrementAndGet(), Duration.ofSeconds(7200)), POLICY,
                ticker, refreshPool, statistics);
        String rejected = tokens.getToken("wxa").value();

        assertEquals("forced-1", tokens.forceRefresh("wxa", rejected).orElseThrow().value());
        assertEquals("forced-1", tokens.getToken("wxa").value());
        ForceRefreshRefusedException tooSoon = assertThrows(ForceRefreshRefusedException.class,
                () -> tokens.forceRefresh("wxa", "forced-1"));
        assertTrue(tooSoon.getMessage().contains("less than 30 s ago"), tooSoon.getMessage());

        for (int i = 2; i <= 20; i++) {
            ticker.advance(Duration.ofSeconds(31));
            tokens.forceRefresh("wxa", "forced-" + (i - 1));
        }
        ticker.advance(Duration.ofSeconds(31));
        ForceRefreshRefusedException dailyLimit = assertThrows(ForceRefreshRefusedException.class,
                () -> tokens.forceRefresh("wxa", "forced-20"));
        assertTrue(dailyLimit.getMessage().contains("20 forced refreshes"), dailyLimit.getMessage());
        assertEquals(20, forced.get());
        assertEquals(20, statistics.snapshot("wxa").forcedRefreshes());

        ticker.advance(Duration.ofDays(1));
        assertEquals("forced-21", tokens.forceRefresh("wxa", "forced-20").orElseThrow().value());
    }

    @Test
    void forceRefresh_ofOneAccount_doesNotWaitForAnotherAccountsForcedFetch() throws Exception {
        CountDownLatch slowFetchStarted = new CountDownLatch(1);
        CountDownLatch releaseSlowFetch = new CountDownLatch(1);
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(fetcher, appId -> {
            if (appId.equals("wxslow")) {
                slowFetchStarted.countDown();
                await(releaseSlowFetch);
            }
            return new AccessToken("forced-" + appId, Duration.ofSeconds(7200));
        }, POLICY, ticker, refreshPool, statistics);
        String slowRejected = tokens.getToken("wxslow").value();
        String otherRejected = tokens.getToken("wxother").value();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<AccessToken>> slow = caller.submit(() -> tokens.forceRefresh("wxslow", slowRejected));
            await(slowFetchStarted);

            assertEquals("forced-wxother", tokens.forceRefresh("wxother", otherRejected).orElseThrow().value(),
                    "answered while the other account's forced fetch is still in flight");
            releaseSlowFetch.countDown();
            assertEquals("forced-wxslow", slow.get(10, TimeUnit.SECONDS).orElseThrow().value());
        } finally {
            releaseSlowFetch.countDown();
            caller.shutdownNow();
        }
    }

    private static String cached(CachingAccessTokenProvider tokens) {
        return tokens.cachedToken("wxa").map(AccessToken::value).orElse(null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the test never released the fetch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
