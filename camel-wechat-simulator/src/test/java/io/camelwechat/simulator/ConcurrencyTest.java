package io.camelwechat.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
