package io.camelwechat.component.wechat.internal.watcher;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account backoff: an account whose poll failed is skipped for 1, 2, 4, ... polls (at most {@code maxSkip}),
 * so that a broken account (revoked authorization, no permission) costs few calls and does not slow the others.
 * A success resets it. Updated by the watcher's polling thread only; the readiness check reads {@link #failing()}
 * from other threads, which the concurrent map keeps safe.
 */
final class AccountBackoff {

    private record State(int failures, int skipsLeft, String lastError) {
    }

    private final int maxSkip;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    AccountBackoff(int maxSkip) {
        this.maxSkip = maxSkip;
    }

    /** Whether the account is polled this time; counts down its skips otherwise. */
    boolean shouldPoll(String appId) {
        State state = states.get(appId);
        if (state == null || state.skipsLeft() == 0) {
            return true;
        }
        states.put(appId, new State(state.failures(), state.skipsLeft() - 1, state.lastError()));
        return false;
    }

    /** Records a failure; returns how many polls the account now sits out. */
    int failed(String appId, String error) {
        State before = states.get(appId);
        int failures = before == null ? 1 : before.failures() + 1;
        int skips = Math.min(1 << Math.min(failures - 1, 30), maxSkip);
        states.put(appId, new State(failures, skips, error));
        return skips;
    }

    void succeeded(String appId) {
        states.remove(appId);
    }

    /** Forgets accounts no longer watched, so that they are not reported as failing forever. */
    void retainOnly(java.util.Collection<String> watched) {
        states.keySet().retainAll(watched);
    }

    /** The accounts whose last poll failed, with the error. */
    Map<String, String> failing() {
        Map<String, String> failing = new java.util.TreeMap<>();
        states.forEach((appId, state) -> failing.put(appId, state.lastError()));
        return failing;
    }
}
