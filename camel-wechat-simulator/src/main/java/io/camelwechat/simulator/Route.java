package io.camelwechat.simulator;

/**
 * One WeChat API path the simulator serves.
 *
 * @param path          the exact path
 * @param method        the only HTTP method WeChat accepts on it
 * @param tokenEndpoint {@code true} for the token endpoints, which authenticate themselves (appid/secret,
 *                      a verify ticket, a component_access_token) instead of with an account's access_token,
 *                      and are spared path-less faults
 * @param handler       the operation
 */
record Route(String path, String method, boolean tokenEndpoint, Handler handler) {

    static final String GET = "GET";
    static final String POST = "POST";

    /** Handles an authenticated call; throws {@link ApiError} to answer a WeChat error. */
    @FunctionalInterface
    interface Handler {
        SimResponse handle(ApiCall call);
    }

    static Route get(String path, Handler handler) {
        return new Route(path, GET, false, handler);
    }

    static Route post(String path, Handler handler) {
        return new Route(path, POST, false, handler);
    }

    static Route token(String path, String method, Handler handler) {
        return new Route(path, method, true, handler);
    }
}
