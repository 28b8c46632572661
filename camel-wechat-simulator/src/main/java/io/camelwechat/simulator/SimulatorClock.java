package io.camelwechat.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock: a source of time plus an offset that tests and tools move.
 *
 * <ul>
 *   <li>{@link #SimulatorClock(Instant) new SimulatorClock(start)}: a frozen clock that only moves when it is
 *       moved ({@link #advance(Duration)}, {@link #set(Instant)}), so token expiry, audits and quota cycles are
 *       fully deterministic. The default for embedded use.</li>
 *   <li>{@link #system()}: the wall clock, as the standalone jar uses by default: tokens count down and
 *       expire, audits end and media_ids expire on their own. It can still be moved forward (or set).</li>
 *   <li>{@link #following(Clock)}: any other {@link Clock} as the source, e.g. a test's own.</li>
 * </ul>
 *
 * <p>A running simulator listens to its clock, so that what happens "at" a time (audit results, verify
 * tickets) is pushed to callback URLs while the clock moves: the listeners run synchronously, on the thread
 * that moved the clock, after the move and outside any lock. A simulator on a {@link #ticks() ticking} clock
 * also looks for due pushes once a second.
 *
 * <p>Thread-safe.
 */
public final class SimulatorClock {

    private final Clock source;
    private final boolean ticks;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A frozen clock at {@code start}: it never moves by itself. */
    public SimulatorClock(Instant start) {
        this(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC), false);
    }

    private SimulatorClock(Clock source, boolean ticks) {
        this.source = source;
        this.ticks = ticks;
    }

    /** The wall clock (UTC); {@link #advance} and {@link #set} shift it from there on. */
    public static SimulatorClock system() {
        return following(Clock.systemUTC());
    }

    /** A clock that follows {@code source}; {@link #advance} and {@link #set} shift it from there on. */
    public static SimulatorClock following(Clock source) {
        return new SimulatorClock(Objects.requireNonNull(source, "source"), true);
    }

    /** Whether time passes by itself ({@link #system()}, {@link #following(Clock)}), not only when moved. */
    public boolean ticks() {
        return ticks;
    }

    /** The current simulated time. */
    public Instant now() {
        return source.instant().plus(offset.get());
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
        offset.updateAndGet(shift -> shift.plus(duration));
        moved();
    }

    /**
     * Sets the clock to any instant (also backwards, for tests that need it); a ticking clock goes on from
     * there. Pushes as {@link #advance} does.
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(source.instant(), instant));
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
        return "SimulatorClock[" + now() + (ticks ? ", ticking" : ", frozen") + "]";
    }
}
