package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.spi.AccessToken;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 calls that all hold the same stale token before any of them fails: compare-and-invalidate lets exactly
 * one refetch happen, and every call succeeds with its one retry.
 */
class StaleTokenStormTest {

    @Test
    void thousandCallsFailingWithTheSameToken_causeExactlyOneRefetch() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        TokenStatistics statistics = new TokenStatistics();
        ExecutorService refreshPool = Executors.newSingleThreadExecutor();
        CachingAccessTokenProvider tokens = new CachingAccessTokenProvider(
                appId -> new AccessToken("token-" + fetches.incrementAndGet(), Duration.ofHours(2)), null,
                new CachingAccessTokenProvider.Policy(Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofSeconds(10)),
                Ticker.systemTicker(), refreshPool, statistics);
        ResilientInvoker invoker = new ResilientInvoker(tokens,
                new QuotaCircuitBreaker(Duration.ofMinutes(1), Ticker.systemTicker()), BusyRetryPolicy.NONE,
                statistics);
        WeChatRequest request = new WeChatRequest("getSettingCategories", WeChatRequest.HttpMethod.GET,
                "http://127.0.0.1:1", "/cgi-bin/wxopen/getcategory", Map.of(), null);
        String stale = tokens.getToken("wxa").value();
        int calls = 1000;
        CountDownLatch allHoldTheStaleToken = new CountDownLatch(calls);

        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(callers.submit(() -> invoker.invoke("wxa", request, false, token -> {
                    if (token.reveal().equals(stale)) {
                        allHoldTheStaleToken.countDown();
                        await(allHoldTheStaleToken);
                        throw new WeChatApiException("getSettingCategories", "GET /cgi-bin/wxopen/getcategory", 40001,
                                "invalid credential");
                    }
                    return "ok with " + token.reveal();
                })));
            }
            for (Future<String> result : results) {
                assertEquals("ok with token-2", result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
            refreshPool.shutdownNow();
        }
        assertEquals(2, fetches.get(), "the first fetch and exactly one refetch");
        assertEquals(1, statistics.snapshot("wxa").invalidations());
        assertEquals(calls, statistics.snapshot("wxa").tokenRetries());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "not every call got the stale token in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
