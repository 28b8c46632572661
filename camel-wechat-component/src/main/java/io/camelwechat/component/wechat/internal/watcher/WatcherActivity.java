package io.camelwechat.component.wechat.internal.watcher;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.internal.engine.WeChatStatus;
import org.apache.camel.spi.StateRepository;

/**
 * What a category watcher shows on the developer console: its last poll, and per account the categories its state
 * repository holds, read when the console asks (the repositories the component uses, and Camel's, hold them in
 * memory), so that the watcher keeps no second copy of every account's categories. Thread-safe.
 */
final class WatcherActivity {

    private volatile WeChatStatus.Poll lastPoll;

    void polled(Instant endedAt, int accountsPolled, int changesEmitted, int accountsFailing) {
        lastPoll = new WeChatStatus.Poll(endedAt, accountsPolled, changesEmitted, accountsFailing);
    }

    /**
     * @param leading null when the watcher does not run under master:
     * @param watched the accounts of the last poll
     * @param failing the accounts whose last fetch failed, with the error
     * @param state   what the watcher delivered, by account
     */
    WeChatStatus.Watcher status(String name, Boolean leading, Collection<String> watched,
                                Map<String, String> failing, StateRepository<String, String> state) {
        List<WeChatStatus.WatchedAccount> accounts = watched.stream().sorted()
                .map(appId -> new WeChatStatus.WatchedAccount(appId, categories(state.getState(appId)),
                        failing.get(appId)))
                .toList();
        return new WeChatStatus.Watcher(name, leading, lastPoll, accounts);
    }

    /** The stored categories; none before the account's first poll, or when what is stored cannot be read. */
    private static List<WeChatStatus.Category> categories(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return CategorySnapshot.fromJson(stored).categories();
        } catch (IllegalArgumentException unreadable) {
            return List.of(); // the watcher's own poll of the account fails on it and names why
        }
    }
}
