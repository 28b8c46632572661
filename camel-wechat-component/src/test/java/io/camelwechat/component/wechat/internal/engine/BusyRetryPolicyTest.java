package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backoff doubles per retry with jitter in [half, full] of the step; no real sleeping. */
class BusyRetryPolicyTest {

    @RepeatedTest(5)
    void backOff_isExponentialWithJitter() {
        List<Duration> slept = new ArrayList<>();
        BusyRetryPolicy policy = new BusyRetryPolicy(3, Duration.ofMillis(100), false, slept::add);

        for (int retry = 0; retry < 3; retry++) {
            policy.backOff(retry);
        }

        assertEquals(3, slept.size());
        for (int retry = 0; retry < 3; retry++) {
            long ceiling = 100L << retry;
            long millis = slept.get(retry).toMillis();
            assertTrue(millis >= ceiling / 2 && millis <= ceiling, "retry " + retry + " waited " + millis + " ms");
        }
    }

    @Test
    void allowsRetry_readsUpToTheLimit_writesOnlyWhenAllowed() {
        BusyRetryPolicy readsOnly = new BusyRetryPolicy(2, Duration.ZERO, false, duration -> { });
        BusyRetryPolicy withWrites = new BusyRetryPolicy(2, Duration.ZERO, true, duration -> { });

        assertTrue(readsOnly.allowsRetry(false, 1));
        assertEquals(false, readsOnly.allowsRetry(false, 2));
        assertEquals(false, readsOnly.allowsRetry(true, 0));
        assertTrue(withWrites.allowsRetry(true, 0));
    }
}
