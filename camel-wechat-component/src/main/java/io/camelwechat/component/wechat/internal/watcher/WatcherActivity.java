package io.camelwechat.component.wechat.internal.watcher;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelwechat.component.wechat.internal.engine.WeChatStatus;

/**
 * What a category watcher has done, for the developer console: per account the categories it last delivered (the
 * state it committed, kept here too so that the console reads no store), and its last poll. Written by the
 * watcher's threads, read by the console's. Thread-safe.
 */
final class WatcherActivity {

    private final Map<String, CategorySnapshot> delivered = new ConcurrentHashMap<>();
    private volatile WeChatStatus.Poll lastPoll;

    /** The account's categories as committed after a delivery (or recorded silently at its first poll). */
    void delivered(String appId, CategorySnapshot snapshot) {
        delivered.put(appId, snapshot);
    }

    void polled(Instant endedAt, int accountsPolled, int changesEmitted, int accountsFailing) {
        lastPoll = new WeChatStatus.Poll(endedAt, accountsPolled, changesEmitted, accountsFailing);
    }

    /** Forgets accounts no longer watched. */
    void retainOnly(Collection<String> watched) {
        delivered.keySet().retainAll(watched);
    }

    /**
     * @param leading null when the watcher does not run under master:
     * @param watched the accounts of the last poll
     * @param failing the accounts whose last fetch failed, with the error
     */
    WeChatStatus.Watcher status(String name, Boolean leading, Collection<String> watched,
                                Map<String, String> failing) {
        List<WeChatStatus.WatchedAccount> accounts = watched.stream().sorted()
                .map(appId -> new WeChatStatus.WatchedAccount(appId,
                        delivered.getOrDefault(appId, CategorySnapshot.empty()).categories(), failing.get(appId)))
                .toList();
        return new WeChatStatus.Watcher(name, leading, lastPoll, accounts);
    }
}
