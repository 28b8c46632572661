package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's manual clock. It never moves by itself: tests move it with {@link #advance(Duration)} or
 * {@link #set(Instant)}, so token expiry, audits and quota cycles are fully deterministic.
 *
 * <p>A running simulator listens to its clock, so that what happens "at" a time (audit results, verify
 * tickets) is pushed to callback URLs while the clock moves: the listeners run synchronously, on the thread
 * that moved the clock, after the move and outside any lock.
 *
 * <p>Thread-safe.
 */
public final class SimulatorClock {

    private final AtomicReference<Instant> now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public SimulatorClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** The current simulated time. */
    public Instant now() {
        return now.get();
    }

    /**
     * Moves the clock forward; a negative duration is rejected (time only moves forward by steps). Returns
     * once the listening simulators have sent the pushes that became due.
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
        moved();
    }

    /** Sets the clock to any instant (also backwards, for tests that need it); pushes as {@link #advance} does. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        moved();
    }

    /** Called after every move; package-private because only the simulator itself reacts to time. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void moved() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "SimulatorClock[" + now.get() + "]";
    }
}
