package io.camelwechat.simulator;

/**
 * Ends the handling of a request with a WeChat error answer ({@code {"errcode":..,"errmsg":..}}, HTTP 200).
 * A control-flow exception: no stack trace is captured.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ApiError(ErrorCode code) {
        super(code.code() + " " + code.message(), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
