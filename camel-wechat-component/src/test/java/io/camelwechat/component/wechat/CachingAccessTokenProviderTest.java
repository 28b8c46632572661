package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelwechat.component.wechat.token.AccessToken;
import io.camelwechat.component.wechat.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.token.TokenFetcher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CachingAccessTokenProviderTest {

    private final FakeTicker ticker = new FakeTicker();
    private final AtomicInteger fetches = new AtomicInteger();
    private final TokenFetcher fetcher = appId -> new AccessToken(appId + "-token-" + fetches.incrementAndGet(),
            Duration.ofSeconds(7200));

    @Test
    void getToken_cachesPerAccount() {
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(fetcher, Duration.ofSeconds(60), ticker);

        String first = tokens.getToken("wxa").value();
        assertEquals(first, tokens.getToken("wxa").value());
        assertNotEquals(first, tokens.getToken("wxb").value());
        assertEquals(2, fetches.get());
    }

    @Test
    void getToken_racingCallersShareOneFetch() throws Exception {
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch releaseFetch = new CountDownLatch(1);
        TokenFetcher slowFetcher = appId -> {
            fetchStarted.countDown();
            await(releaseFetch);
            return fetcher.fetch(appId);
        };
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(slowFetcher, Duration.ofSeconds(60), ticker);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(callers.submit(() -> tokens.getToken("wxa").value()));
            }
            assertEquals(true, fetchStarted.await(10, TimeUnit.SECONDS));
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
    void getToken_expiresAtExpiresInMinusMargin() {
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(fetcher, Duration.ofSeconds(60), ticker);
        tokens.getToken("wxa");

        ticker.advance(Duration.ofSeconds(7200 - 60).minusMillis(1));
        assertEquals("wxa-token-1", tokens.getToken("wxa").value());

        ticker.advance(Duration.ofMillis(1));
        assertEquals("wxa-token-2", tokens.getToken("wxa").value());
    }

    @Test
    void getToken_shortLifetimeKeepsHalfOfIt() {
        TokenFetcher shortLived = appId -> new AccessToken("short-" + fetches.incrementAndGet(), Duration.ofSeconds(100));
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(shortLived, Duration.ofSeconds(60), ticker);
        tokens.getToken("wxa");

        ticker.advance(Duration.ofSeconds(49));
        assertEquals("short-1", tokens.getToken("wxa").value());
        ticker.advance(Duration.ofSeconds(1));
        assertEquals("short-2", tokens.getToken("wxa").value());
    }

    @Test
    void invalidate_onlyRemovesTheTokenThatWasRejected() {
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(fetcher, Duration.ofSeconds(60), ticker);
        String stale = tokens.getToken("wxa").value();

        tokens.invalidate("wxa", stale);
        String fresh = tokens.getToken("wxa").value();
        tokens.invalidate("wxa", stale);

        assertEquals(fresh, tokens.getToken("wxa").value(), "a late failure with the old token keeps the new one");
        assertEquals(2, fetches.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
