package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops calling WeChat for an account whose quota is exhausted (45009 daily limit, 45011 frequency limit): every
 * further call would fail too and only delay the quota's recovery. While open, calls fail at once. When the
 * cooldown ends, exactly one call is let through (half open): its success closes the circuit, another quota
 * answer opens it again, and meanwhile the other callers keep failing at once. Thread-safe.
 */
final class QuotaCircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaCircuitBreaker.class);

    static final Set<Integer> QUOTA_ERRCODES = Set.of(45009, 45011);

    /** When the circuit opened, with which errcode, and until when calls fail at once. */
    private record Open(long openedAtNanos, int errcode, long untilNanos) {
    }

    private final Duration cooldown;
    private final Ticker ticker;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    QuotaCircuitBreaker(Duration cooldown, Ticker ticker) {
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("quotaCooldown must not be negative, got " + cooldown);
        }
        this.cooldown = cooldown;
        this.ticker = ticker;
    }

    /**
     * Lets a call through, or fails it at once while the account's circuit is open. After the cooldown the first
     * caller is let through as the probe and the cooldown starts again for the others.
     *
     * @throws WeChatApiException with the errcode that opened the circuit
     */
    void checkClosed(String appId, WeChatRequest request) {
        String key = key(appId);
        while (true) {
            Open state = open.get(key);
            if (state == null) {
                return;
            }
            long now = ticker.read();
            if (state.untilNanos() > now) {
                throw new WeChatApiException(request.api(), request.describe(), state.errcode(),
                        "quota exhausted (circuit open)",
                        "WeChat reported the API quota of " + appId + " exhausted; no call is made until it is "
                                                          + "tried again in "
                                                          + Duration.ofNanos(state.untilNanos() - now).toSeconds()
                                                          + " s");
            }
            Open probing = new Open(state.openedAtNanos(), state.errcode(), now + cooldown.toNanos());
            if (open.replace(key, state, probing)) {
                return; // this caller is the probe
            }
        }
    }

    /**
     * Runs a step that talks to WeChat (a call, a token fetch) and opens the account's circuit if WeChat answers
     * that the quota is gone.
     */
    <T> T guard(String appId, Supplier<T> step) {
        try {
            return step.get();
        } catch (WeChatApiException failure) {
            if (QUOTA_ERRCODES.contains(failure.getErrcode())) {
                open(appId, failure);
            }
            throw failure;
        }
    }

    /**
     * WeChat said the quota is exhausted: calls for the account fail at once for the cooldown. The one place that
     * opens a circuit, so the warning is logged whichever call heard it (a background token refresh included).
     */
    private void open(String appId, WeChatApiException quotaAnswer) {
        long now = ticker.read();
        Open before = open.put(key(appId), new Open(now, quotaAnswer.getErrcode(), now + cooldown.toNanos()));
        if (before != null && before.untilNanos() > now) {
            // already open (the token fetch and the call it served both heard it, or a probe failed): once is enough
            LOG.debug("WeChat {} says the quota of {} is still exhausted", quotaAnswer.getApi(), appId);
            return;
        }
        LOG.warn("WeChat {} says the quota of {} is exhausted (errcode {}); calls for it fail at once until the quota "
                 + "cooldown ends", quotaAnswer.getApi(), appId, quotaAnswer.getErrcode());
    }

    /**
     * A call succeeded. It closes the circuit only if it started after the circuit opened: a call that was already
     * in flight when WeChat ran out of quota proves nothing.
     */
    void succeeded(String appId, long callStartedNanos) {
        open.computeIfPresent(key(appId), (key, state) -> state.openedAtNanos() < callStartedNanos ? null : state);
    }

    long now() {
        return ticker.read();
    }

    /** The accounts whose circuit is open now, each with the time left until the next attempt. */
    Map<String, Duration> openCircuits() {
        Map<String, Duration> result = new TreeMap<>();
        circuits().forEach((appId, circuit) -> result.put(appId, circuit.retryIn()));
        return result;
    }

    /** The accounts whose circuit is open now, each with the errcode that opened it and the time left. */
    Map<String, WeChatStatus.Circuit> circuits() {
        long now = ticker.read();
        Map<String, WeChatStatus.Circuit> result = new TreeMap<>();
        open.forEach((appId, state) -> {
            if (state.untilNanos() > now) {
                result.put(appId,
                        new WeChatStatus.Circuit(state.errcode(), Duration.ofNanos(state.untilNanos() - now)));
            }
        });
        return result;
    }

    private static String key(String appId) {
        return appId == null ? "" : appId;
    }
}
