package io.camelwechat.component.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Callers released together by a latch, each on a thread of its own pool slot; their results in order. */
public final class Race {

    private Race() {
    }

    /** {@code calls} tasks on {@code threads} threads released together. */
    public static <T> List<T> concurrently(int calls, int threads, Callable<T> task) throws Exception {
        return run(calls, threads, caller -> task);
    }

    /** {@code callers} callers, one thread each, caller {@code i} running {@code tasks.apply(i)}. */
    public static <T> List<T> run(int callers, IntFunction<Callable<T>> tasks) throws Exception {
        return run(callers, callers, tasks);
    }

    private static <T> List<T> run(int calls, int threads, IntFunction<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<T> task = tasks.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
