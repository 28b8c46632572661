package io.camelwechat.component.wechat.internal.token;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.spi.ForceRefreshRefusedException;

/**
 * WeChat's rule for {@code force_refresh=true} on stable_token: at most 20 a day per account, at least 30 s
 * apart. Exceeding it answers 45009/45011 and burns what is left, so the component keeps to it itself.
 */
final class ForceRefreshLimiter {

    static final int PER_DAY = 20;
    static final Duration DAY = Duration.ofDays(1);
    static final Duration MIN_SPACING = Duration.ofSeconds(30);

    private final Ticker ticker;
    private final Map<String, Deque<Long>> history = new ConcurrentHashMap<>();

    ForceRefreshLimiter(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * Takes a permit.
     *
     * @throws ForceRefreshRefusedException saying which of WeChat's limits stands in the way
     */
    void acquire(String appId) {
        Deque<Long> times = history.computeIfAbsent(appId, key -> new ArrayDeque<>());
        synchronized (times) {
            long now = ticker.read();
            while (!times.isEmpty() && now - times.peekFirst() >= DAY.toNanos()) {
                times.removeFirst();
            }
            if (times.size() >= PER_DAY) {
                throw refused(appId, "the " + PER_DAY + " forced refreshes WeChat allows per day are used up");
            }
            if (!times.isEmpty() && now - times.peekLast() < MIN_SPACING.toNanos()) {
                throw refused(appId, "the last forced refresh was less than " + MIN_SPACING.toSeconds() + " s ago");
            }
            times.addLast(now);
        }
    }

    private static ForceRefreshRefusedException refused(String appId, String why) {
        return new ForceRefreshRefusedException("cannot force a token refresh for " + appId + ": " + why);
    }
}
