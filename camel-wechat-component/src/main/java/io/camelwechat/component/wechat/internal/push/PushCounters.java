package io.camelwechat.component.wechat.internal.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.camelwechat.component.wechat.internal.engine.WeChatStatus;

/**
 * What a push receiver answered since it started, for the developer console: verifications, accepted pushes,
 * rejections by HTTP status with the last reason (the same words as the log, which never hold a secret), errors.
 * Updated by the HTTP server's threads. Thread-safe.
 */
final class PushCounters {

    private final Clock clock;
    private final LongAdder verifications = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
    private volatile Instant lastAcceptedAt;
    private volatile String lastRejection;

    PushCounters(Clock clock) {
        this.clock = clock;
    }

    void verified() {
        verifications.increment();
    }

    void accepted() {
        accepted.increment();
        lastAcceptedAt = clock.instant();
    }

    void rejected(PushRejectedException rejection) {
        rejected.computeIfAbsent(rejection.httpStatus(), status -> new LongAdder()).increment();
        lastRejection = rejection.getMessage();
    }

    void failed() {
        errors.increment();
    }

    WeChatStatus.Receiver status(PushSettings settings) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        rejected.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new WeChatStatus.Receiver(settings.path(), settings.expectedAppId(), settings.encodingAesKey() != null,
                verifications.sum(), accepted.sum(), byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus, errors.sum(), lastAcceptedAt, lastRejection);
    }
}
