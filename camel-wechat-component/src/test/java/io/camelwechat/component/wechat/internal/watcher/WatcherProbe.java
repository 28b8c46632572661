package io.camelwechat.component.wechat.internal.watcher;

/** Runs one poll of a watcher from a test, as its scheduler would, and returns what poll() returned. */
public final class WatcherProbe {

    private WatcherProbe() {
    }

    public static int poll(CategoryAuditConsumer consumer) throws Exception {
        return consumer.poll();
    }
}
