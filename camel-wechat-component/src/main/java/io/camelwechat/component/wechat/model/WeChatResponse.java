package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Marker for every typed answer the component puts in a message body. Camel type converters turn any
 * {@code WeChatResponse} into JSON text or a {@code Map} keyed by WeChat's wire field names.
 * <p>
 * Fields an answer has beyond its record ({@code errcode} and {@code errmsg}, checked before mapping, and whatever
 * WeChat adds) are skipped: declared here, Jackson does not buffer them for the record's constructor, which made
 * mapping an answer about 15 % slower.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public interface WeChatResponse {
}
