package io.camelwechat.component.wechat.internal.engine;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a push's news (an audit of this account ended) from the push receivers to the category watchers, so
 * that a watcher checks the account at once instead of at its next poll. Thread-safe.
 */
public final class PushHints {

    private static final Logger LOG = LoggerFactory.getLogger(PushHints.class);

    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();

    /** A watcher listens from its start; closing the registration ends it. */
    public AutoCloseable listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** An audit of this account ended: every listening watcher checks it. */
    public void auditEnded(String appId) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(appId);
            } catch (RuntimeException e) {
                // one watcher's trouble must not keep the others from the hint
                LOG.warn("Hinting a category watcher of {} failed: {}", appId, e.getMessage());
            }
        }
    }
}
