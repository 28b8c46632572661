package io.camelwechat.component.wechat.model;

/**
 * WeChat's acknowledgement of a write ({@code {"errcode":0,"errmsg":"ok"}}). Only successful calls produce one:
 * a non-zero errcode fails the exchange with {@code WeChatApiException} instead.
 */
public record WeChatAck(int errcode, String errmsg) implements WeChatResponse {
}
