package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's manual clock. It never moves by itself: tests move it with {@link #advance(Duration)} or
 * {@link #set(Instant)}, so token expiry, audits and quota cycles are fully deterministic.
 *
 * <p>Thread-safe.
 */
public final class SimulatorClock {

    private final AtomicReference<Instant> now;

    public SimulatorClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** The current simulated time. */
    public Instant now() {
        return now.get();
    }

    /** Moves the clock forward; a negative duration is rejected (time only moves forward by steps). */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Sets the clock to any instant (also backwards, for tests that need it). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + now.get() + "]";
    }
}
