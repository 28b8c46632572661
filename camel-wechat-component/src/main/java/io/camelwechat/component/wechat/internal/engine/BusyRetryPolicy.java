package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to retry a call WeChat answered with {@code -1} (system busy): reads up to {@code busyRetries} times with
 * exponential backoff and jitter (each wait is random between half and all of base × 2^retry); writes never, unless {@code retryWrites} is set, because a write retried
 * after WeChat applied it but answered busy would apply twice.
 */
public final class BusyRetryPolicy {

    /** Sleeps between attempts; tests replace it to move on without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final int BUSY_ERRCODE = -1;

    /** Never retries. */
    public static final BusyRetryPolicy NONE = new BusyRetryPolicy(0, Duration.ZERO, false, duration -> { });

    private final int busyRetries;
    private final Duration baseDelay;
    private final boolean retryWrites;
    private final Sleeper sleeper;

    /** The policy of the busyRetries, busyRetryDelay and retryWrites options: waits by sleeping the caller. */
    public static BusyRetryPolicy sleeping(int busyRetries, Duration baseDelay, boolean retryWrites) {
        return new BusyRetryPolicy(busyRetries, baseDelay, retryWrites,
                duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000)));
    }

    public BusyRetryPolicy(int busyRetries, Duration baseDelay, boolean retryWrites, Sleeper sleeper) {
        if (busyRetries < 0) {
            throw new IllegalArgumentException("busyRetries must not be negative, got " + busyRetries);
        }
        if (baseDelay == null || baseDelay.isNegative()) {
            throw new IllegalArgumentException("busyRetryDelay must not be negative, got " + baseDelay);
        }
        this.busyRetries = busyRetries;
        this.baseDelay = baseDelay;
        this.retryWrites = retryWrites;
        this.sleeper = sleeper;
    }

    boolean allowsRetry(boolean write, int retriesSoFar) {
        return (!write || retryWrites) && retriesSoFar < busyRetries;
    }

    /** Waits before retry number {@code retry} (0-based): a random time between half and all of base × 2^retry. */
    void backOff(int retry) {
        long ceiling = baseDelay.toNanos() << Math.min(retry, 16);
        long delay = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        try {
            sleeper.sleep(Duration.ofNanos(delay));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a call WeChat answered busy", e);
        }
    }
}
