package io.camelwechat.component.wechat;

import org.apache.camel.RuntimeCamelException;

/**
 * A WeChat call that did not succeed. Messages name the API called and never contain an access token, an app
 * secret or a full request URL.
 */
public class WeChatException extends RuntimeCamelException {

    private final String api;

    public WeChatException(String api, String message, Throwable cause) {
        super(message, cause);
        this.api = api;
    }

    /** The start of every message about a call: {@code WeChat addCategory (POST /cgi-bin/...)}. */
    public static String label(String api, String call) {
        return "WeChat " + api + " (" + call + ")";
    }

    /** WeChat's name of the API that failed, for example {@code addCategory}. */
    public String getApi() {
        return api;
    }
}
