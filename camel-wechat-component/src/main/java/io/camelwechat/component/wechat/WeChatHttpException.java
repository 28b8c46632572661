package io.camelwechat.component.wechat;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The call failed below WeChat's errcode level: no connection, no answer in time, an HTTP status other than
 * 200, or an answer that is not a JSON object. {@link #getHttpResponseCode()} is 0 when there was no HTTP answer.
 */
public class WeChatHttpException extends WeChatException implements HttpResponseAware {

    private int httpResponseCode;
    private String httpResponseStatus;

    public WeChatHttpException(String api, int httpResponseCode, String httpResponseStatus, String message,
                               Throwable cause) {
        super(api, message, cause);
        this.httpResponseCode = httpResponseCode;
        this.httpResponseStatus = httpResponseStatus;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int httpResponseCode) {
        this.httpResponseCode = httpResponseCode;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String httpResponseStatus) {
        this.httpResponseStatus = httpResponseStatus;
    }
}
