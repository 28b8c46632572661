package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for what other threads do: the condition is checked every few ms until it holds or time is up. */
public final class Conditions {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Conditions() {
    }

    public static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        awaitCondition(condition, DEFAULT_TIMEOUT, () -> "condition");
    }

    /**
     * @param what describes the state when time is up, for the failure message
     * @throws AssertionError if the condition does not hold within the timeout
     */
    public static void awaitCondition(BooleanSupplier condition, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get() + " not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }
}
