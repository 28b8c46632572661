package io.camelwechat.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/** A Caffeine ticker that follows real time plus an offset the harness moves: the token cache ages at will. */
final class FakeTicker implements Ticker {

    private final AtomicLong offset = new AtomicLong();

    @Override
    public long read() {
        return System.nanoTime() + offset.get();
    }

    void advance(Duration duration) {
        offset.addAndGet(duration.toNanos());
    }
}
