package io.camelwechat.component.wechat.internal.push;

/**
 * A push that fails a check. The reason is safe to log and to answer with: it never holds the push token, the
 * AES key or the message.
 */
final class PushRejectedException extends Exception {

    private final int httpStatus;

    PushRejectedException(int httpStatus, String reason) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }
}
