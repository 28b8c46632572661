package io.camelwechat.component.wechat.internal.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lock per key (an account): work for one account waits for other work on the same account only. The locks
 * are kept for the life of the owner, one small object per account it ever served. Thread-safe.
 */
public final class KeyedLocks {

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String key, Supplier<T> work) {
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            return work.get();
        }
    }
}
