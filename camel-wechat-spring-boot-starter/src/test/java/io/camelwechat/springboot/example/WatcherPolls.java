package io.camelwechat.springboot.example;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.ScheduledPollConsumer;

/** Waits, for a bounded time, until the example's category watcher has polled once. */
final class WatcherPolls {

    static final String WATCHER_ROUTE = "audit-watcher";

    private WatcherPolls() {
    }

    /**
     * The watcher polls after its initialDelay (1 s) and then every 60 s: once its first poll is done, the test runs
     * with no watcher call to the simulator in between, and Camel's consumer check is past its initial DOWN state.
     */
    static ScheduledPollConsumer awaitFirstPoll(CamelContext camelContext, Duration timeout) {
        Route route = camelContext.getRoute(WATCHER_ROUTE);
        if (route == null) {
            throw new AssertionError("no route " + WATCHER_ROUTE);
        }
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) route.getConsumer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!consumer.isFirstPollDone()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the watcher did not poll within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for the watcher's first poll", e);
            }
        }
        return consumer;
    }
}
