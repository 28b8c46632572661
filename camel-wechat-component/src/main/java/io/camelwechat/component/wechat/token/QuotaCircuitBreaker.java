package io.camelwechat.component.wechat.token;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.client.WeChatApiException;
import io.camelwechat.component.wechat.client.WeChatRequest;

/**
 * Stops calling WeChat for an account whose quota is exhausted (45009 daily limit, 45011 frequency limit): every
 * further call would fail too and only delay the quota's recovery. While open, calls fail at once; after the
 * cooldown one call is let through, and its outcome closes or reopens the circuit.
 */
public final class QuotaCircuitBreaker {

    public static final Set<Integer> QUOTA_ERRCODES = Set.of(45009, 45011);

    private final Duration cooldown;
    private final Ticker ticker;
    private final Map<String, Long> openUntilNanos = new ConcurrentHashMap<>();

    public QuotaCircuitBreaker(Duration cooldown, Ticker ticker) {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("quotaCooldown must not be negative, got " + cooldown);
        }
        this.cooldown = cooldown;
        this.ticker = ticker;
    }

    /**
     * @throws WeChatApiException with errcode 45009 while the account's circuit is open
     */
    void checkClosed(String appId, WeChatRequest request) {
        Long until = openUntilNanos.get(key(appId));
        if (until == null) {
            return;
        }
        long remaining = until - ticker.read();
        if (remaining > 0) {
            throw new WeChatApiException(request.api(), request.describe(), 45009,
                    "quota exhausted (circuit open)",
                    "WeChat reported the API quota of " + appId + " exhausted; no call is made until it is tried "
                                                      + "again in " + Duration.ofNanos(remaining).toSeconds() + " s");
        }
    }

    void open(String appId) {
        openUntilNanos.put(key(appId), ticker.read() + cooldown.toNanos());
    }

    void close(String appId) {
        openUntilNanos.remove(key(appId));
    }

    /** The accounts whose circuit is open now, each with the time left until the next attempt. */
    public Map<String, Duration> openCircuits() {
        long now = ticker.read();
        Map<String, Duration> open = new TreeMap<>();
        openUntilNanos.forEach((appId, until) -> {
            if (until > now) {
                open.put(appId, Duration.ofNanos(until - now));
            }
        });
        return open;
    }

    public Optional<Duration> openFor(String appId) {
        return Optional.ofNullable(openCircuits().get(key(appId)));
    }

    private static String key(String appId) {
        return appId == null ? "" : appId;
    }
}
