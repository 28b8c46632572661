package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** An HTTP answer of the simulator: status, content type and body. */
record SimResponse(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";

    /** HTTP 200 with a JSON document. */
    static SimResponse json(Object document) {
        return json(200, document);
    }

    static SimResponse json(int status, Object document) {
        return new SimResponse(status, JSON, Json.write(document));
    }

    /** WeChat's acknowledgement of a successful write: {@code {"errcode":0,"errmsg":"ok"}}. */
    static SimResponse ok() {
        return error(ErrorCode.OK.code());
    }

    /** WeChat's error answer: HTTP 200 with errcode and errmsg. */
    static SimResponse error(ErrorCode code) {
        return error(code.code());
    }

    static SimResponse error(int errcode) {
        ObjectNode body = Json.object();
        body.put("errcode", errcode);
        body.put("errmsg", ErrorCode.messageFor(errcode));
        return json(body);
    }

    static SimResponse text(int status, String text) {
        return new SimResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static SimResponse raw(String contentType, String body) {
        return new SimResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
