package io.camelwechat.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests that reached WeChat paths, in arrival order, plus per-path counters. The log keeps the most
 * recent {@code capacity} requests (so a long benchmark does not hold every body in memory); the counters
 * count everything. Thread-safe.
 */
final class RequestLog {

    private final int capacity;
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    void record(RecordedRequest request) {
        if (capacity > 0) {
            synchronized (recent) {
                if (recent.size() == capacity) {
                    recent.removeFirst();
                }
                recent.addLast(request);
            }
        }
        perPath.computeIfAbsent(request.path(), path -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
    }

    List<RecordedRequest> requests() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    int count(String path) {
        AtomicInteger count = perPath.get(path);
        return count == null ? 0 : count.get();
    }

    int total() {
        return total.get();
    }

    /** The counters by path, sorted by path. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        perPath.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    void clear() {
        synchronized (recent) {
            recent.clear();
            perPath.clear();
            total.set(0);
        }
    }
}
