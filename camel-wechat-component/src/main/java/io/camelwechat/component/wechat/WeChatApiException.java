package io.camelwechat.component.wechat;

/**
 * WeChat answered with {@code errcode != 0}. WeChat reports these failures as HTTP 200, so this is the only way
 * they surface: a call never "succeeds" with an error body.
 */
public class WeChatApiException extends WeChatException {

    private final String call;
    private final int errcode;
    private final String errmsg;

    public WeChatApiException(String api, String call, int errcode, String errmsg) {
        this(api, call, errcode, errmsg, null);
    }

    /**
     * @param call   the method and path called, for example {@code POST /cgi-bin/wxopen/addcategory}
     * @param detail an explanation added by the component (for example why a retry did not help), or null
     */
    public WeChatApiException(String api, String call, int errcode, String errmsg, String detail) {
        super(api, label(api, call) + " failed with errcode " + errcode + ": " + errmsg
                   + (detail == null ? "" : ". " + detail), null);
        this.call = call;
        this.errcode = errcode;
        this.errmsg = errmsg;
    }

    /** The same failure, with the component's explanation of what it tried appended to the message. */
    public WeChatApiException withDetail(String detail) {
        WeChatApiException explained = new WeChatApiException(getApi(), call, errcode, errmsg, detail);
        explained.setStackTrace(getStackTrace());
        return explained;
    }

    /** WeChat's error code, for example 40001 (invalid token) or 53304 (duplicate category). */
    public int getErrcode() {
        return errcode;
    }

    /** WeChat's error message, as received (with any access token removed). */
    public String getErrmsg() {
        return errmsg;
    }
}
