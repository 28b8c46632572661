package io.camelwechat.component.wechat.internal.engine;

/** How often one call was sent again, for its {@link CallReport}. One call, one thread: not thread-safe. */
final class RetryCount {

    private int retries;

    void increment() {
        retries++;
    }

    int value() {
        return retries;
    }
}
