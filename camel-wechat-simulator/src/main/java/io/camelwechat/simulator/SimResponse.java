package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;

/** An HTTP answer of the simulator: status, content type and body. */
record SimResponse(int status, String contentType, byte[] body) {

    /**
     * The content type of WeChat's own answers. WeChat sends the non-standard parameter {@code encoding}, not
     * {@code charset} (wechat-api-facts.md, "More facts"), so a client must decode UTF-8 whatever the header says.
     */
    static final String WECHAT_JSON = "application/json; encoding=utf-8";
    /** The content type of the {@code /__sim/} control answers, which are not WeChat's. */
    static final String JSON = "application/json; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";

    /** HTTP 200 with a JSON document, as a WeChat API answers. */
    static SimResponse wechat(Object document) {
        return wechat(Json.write(document));
    }

    /** HTTP 200 with an already rendered JSON document, as a WeChat API answers. */
    static SimResponse wechat(byte[] json) {
        return new SimResponse(200, WECHAT_JSON, json);
    }

    /** WeChat's acknowledgement of a successful write: {@code {"errcode":0,"errmsg":"ok"}}, without a rid. */
    static SimResponse ok() {
        return wechat(Json.object().put("errcode", ErrorCode.OK.code()).put("errmsg", ErrorCode.OK.message()));
    }

    /** HTTP 200 with a JSON document, for the control paths. */
    static SimResponse json(Object document) {
        return json(200, document);
    }

    static SimResponse json(int status, Object document) {
        return new SimResponse(status, JSON, Json.write(document));
    }

    static SimResponse text(int status, String text) {
        return new SimResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static SimResponse raw(String contentType, String body) {
        return new SimResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
