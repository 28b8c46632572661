package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WeChat's {@code wxa_category_audit} push: the audit of a category ended.
 *
 * @param appId      the appid the push was encrypted for (the account, or the platform for third-party pushes)
 * @param toUserName the account's original id ({@code gh_...})
 * @param ret        2 rejected, 3 approved
 * @param reason     why it was rejected; empty when approved
 * @param createTime epoch seconds
 */
public record CategoryAuditEvent(
        @JsonProperty("app_id") String appId,
        @JsonProperty("to_user_name") String toUserName,
        @JsonProperty("first") int first,
        @JsonProperty("second") int second,
        @JsonProperty("ret") int ret,
        @JsonProperty("reason") String reason,
        @JsonProperty("create_time") long createTime) implements WeChatResponse {

    public static final String EVENT = "wxa_category_audit";
}
