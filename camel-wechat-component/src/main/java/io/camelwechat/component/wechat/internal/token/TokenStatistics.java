package io.camelwechat.component.wechat.internal.token;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the token layer, per account: how often a cached token served a call, how often one was fetched
 * in the caller's thread or refreshed in the background, invalidated after WeChat rejected it, and how often a
 * call was retried. Thread-safe and cheap on the hot path (one {@link LongAdder} increment).
 */
public final class TokenStatistics {

    /** What happened to one account's tokens so far. */
    public record Snapshot(String appId, long hits, long fetches, long backgroundRefreshes, long refreshFailures,
            long invalidations, long forcedRefreshes, long tokenRetries, long busyRetries) {

        /** An account nothing has happened to yet. */
        public static Snapshot none(String appId) {
            return new Snapshot(appId, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    private final Map<String, Counters> byAccount = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder fetches = new LongAdder();
        final LongAdder backgroundRefreshes = new LongAdder();
        final LongAdder refreshFailures = new LongAdder();
        final LongAdder invalidations = new LongAdder();
        final LongAdder forcedRefreshes = new LongAdder();
        final LongAdder tokenRetries = new LongAdder();
        final LongAdder busyRetries = new LongAdder();
    }

    private Counters of(String appId) {
        return byAccount.computeIfAbsent(appId == null ? "" : appId, key -> new Counters());
    }

    /** The hit counter of an account, for the token cache to hold and increment without a lookup per hit. */
    LongAdder hitCounter(String appId) {
        return of(appId).hits;
    }

    void fetched(String appId) {
        of(appId).fetches.increment();
    }

    void refreshedInBackground(String appId) {
        of(appId).backgroundRefreshes.increment();
    }

    void refreshFailed(String appId) {
        of(appId).refreshFailures.increment();
    }

    void invalidated(String appId) {
        of(appId).invalidations.increment();
    }

    void forcedRefresh(String appId) {
        of(appId).forcedRefreshes.increment();
    }

    public void retriedAfterTokenRejection(String appId) {
        of(appId).tokenRetries.increment();
    }

    public void retriedWhileBusy(String appId) {
        of(appId).busyRetries.increment();
    }

    public Snapshot snapshot(String appId) {
        Counters counters = of(appId);
        return new Snapshot(appId, counters.hits.sum(), counters.fetches.sum(), counters.backgroundRefreshes.sum(),
                counters.refreshFailures.sum(), counters.invalidations.sum(), counters.forcedRefreshes.sum(),
                counters.tokenRetries.sum(), counters.busyRetries.sum());
    }

    public List<Snapshot> snapshots() {
        return byAccount.keySet().stream().sorted().map(this::snapshot).toList();
    }
}
