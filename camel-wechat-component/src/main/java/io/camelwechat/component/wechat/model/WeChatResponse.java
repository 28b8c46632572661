package io.camelwechat.component.wechat.model;

/**
 * Marker for every typed answer the component puts in a message body. Camel type converters turn any
 * {@code WeChatResponse} into JSON text or a {@code Map} keyed by WeChat's wire field names.
 */
public interface WeChatResponse {
}
