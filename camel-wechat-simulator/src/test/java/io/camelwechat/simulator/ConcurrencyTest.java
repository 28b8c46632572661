package io.camelwechat.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Concurrent requests leave a consistent state. */
class ConcurrencyTest extends SimulatorTestSupport {

    private <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentClassicFetchesAllGetDistinctTokens() throws Exception {
        List<String> tokens = inParallel(64, () -> classicToken(APP, SECRET));
        assertEquals(64, new HashSet<>(tokens).size());
        assertEquals(64, sim.requestCount("/cgi-bin/token"));
    }

    @Test
    void concurrentStableFetchesAllGetTheSameToken() throws Exception {
        Set<String> tokens = new HashSet<>(inParallel(64,
                () -> stableTokenCall(APP, SECRET, false).json().get("access_token").asText()));
        assertEquals(1, tokens.size());
    }

    @Test
    void concurrentAddsOfOneCategorySucceedExactlyOnce() throws Exception {
        String token = token();
        List<Integer> codes = inParallel(32, () -> apiPost(CategoryApiTest.ADD, token,
                "{\"categories\":[{\"first\":1,\"second\":2}]}").errcode());
        assertEquals(1, codes.stream().filter(code -> code == 0).count());
        assertEquals(31, codes.stream().filter(code -> code == 53304).count());
        assertEquals(4, sim.account(APP).quota());
    }

    @Test
    void threads_serveThatManyRequestsAtOnce() throws Exception {
        int threads = WeChatSimulator.Builder.DEFAULT_THREADS + 8;
        try (WeChatSimulator wide = WeChatSimulator.builder().account(APP, SECRET).threads(threads).build().start()) {
            // every request is logged before its latency, so all of them are logged only if all are being served
            wide.faults().latency(Duration.ofMinutes(5));
            for (int i = 0; i < threads; i++) {
                HTTP.sendAsync(HttpRequest.newBuilder(URI.create(wide.baseUrl() + "/cgi-bin/token?grant_type="
                        + "client_credential&appid=" + APP + "&secret=" + SECRET)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (wide.requestCount("/cgi-bin/token") < threads && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(threads, wide.requestCount("/cgi-bin/token"));
        }
    }

    @Test
    void threads_mustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().threads(0));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().threads(1025));
    }
}
