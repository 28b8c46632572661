package io.camelwechat.component.wechat.internal.push;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.camelwechat.component.wechat.jdbc.JdbcPushNonces;

/**
 * The nonces of the pushes a receiver accepted within its timestamp window: a push whose nonce was seen is a
 * replay. In this JVM, or in the shared database so that a replay to another node behind a load balancer is
 * refused too. Thread-safe.
 */
interface PushNonces {

    /** Records the nonce; false when it was seen within the window (a replay). */
    boolean firstSeen(String nonce);

    /** Forgets a nonce whose push was answered with an error: WeChat's retry of it is no replay. */
    void forget(String nonce);

    static PushNonces inMemory(Duration window) {
        // twice the window: a timestamp may be that far from the first push it replays. Expiry and eviction run on
        // the pushing thread: by default every write handed Caffeine's upkeep to the common pool, waking one of its
        // threads per push (6 us at p50 on 2 cores, and a thread competing with the request)
        Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(window.multipliedBy(2))
                .maximumSize(1_000_000).executor(Runnable::run).build();
        return new PushNonces() {
            @Override
            public boolean firstSeen(String nonce) {
                return seen.asMap().putIfAbsent(nonce, Boolean.TRUE) == null;
            }

            @Override
            public void forget(String nonce) {
                seen.invalidate(nonce);
            }
        };
    }

    /**
     * @param scope the receiver's appid: nonces of different receivers never collide
     */
    static PushNonces shared(JdbcPushNonces table, String scope, Duration window) {
        Duration kept = window.multipliedBy(2);
        return new PushNonces() {
            @Override
            public boolean firstSeen(String nonce) {
                return table.firstSeen(scope + ":" + nonce, kept);
            }

            @Override
            public void forget(String nonce) {
                table.forget(scope + ":" + nonce);
            }
        };
    }
}
