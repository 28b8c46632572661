package io.camelwechat.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread of a simulator, and only on a {@link SimulatorClock#ticks() ticking} clock: once a
 * second it does what a clock move does, so that audit results, verify tickets and push retries fall due on
 * the wall clock without anyone moving it. A frozen clock needs none: there, time moves only when moved.
 */
final class ClockTicker {

    static final long PERIOD_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(ClockTicker.class.getName());

    private final ScheduledExecutorService executor;

    private ClockTicker(Runnable tick) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wechat-simulator-clock");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) { // a failed tick must not end the ticking
                LOG.log(System.Logger.Level.WARNING, "simulator clock tick failed", e);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts ticking when the clock ticks; {@code null} for a frozen clock. */
    static ClockTicker startFor(SimulatorClock clock, Runnable tick) {
        return clock.ticks() ? new ClockTicker(tick) : null;
    }

    void stop() {
        executor.shutdownNow();
    }
}
