package io.camelwechat.component.wechat.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * One change in the categories of an account, as the category audit watcher emits it.
 *
 * @param previousStatus the audit status before the change; null for {@link Type#ADDED}
 * @param status         the audit status now (1 under review, 2 rejected, 3 approved); null for {@link Type#REMOVED}
 * @param previousReason WeChat's audit reason before the change (why it was rejected, say), empty when none; null
 *                       for {@link Type#ADDED}
 * @param reason         WeChat's audit reason now (for a rejection), empty when none
 * @param detectedAt     when the watcher saw the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryChange(
        @JsonProperty("app_id") String appId,
        @JsonProperty("first") int first,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("second") int second,
        @JsonProperty("second_name") String secondName,
        @JsonProperty("previous_audit_status") Integer previousStatus,
        @JsonProperty("audit_status") Integer status,
        @JsonProperty("previous_audit_reason") String previousReason,
        @JsonProperty("audit_reason") String reason,
        @JsonProperty("change_type") Type type,
        @JsonProperty("detected_at") @JsonSerialize(using = ToStringSerializer.class) Instant detectedAt)
        implements WeChatResponse {

    /** What changed. */
    public enum Type {
        /** A category appeared (added, or first seen with {@code emitInitialState}). */
        ADDED,
        /** The audit status changed, or the reason of a rejection changed. */
        STATUS_CHANGED,
        /** The category is gone (deleted). */
        REMOVED
    }
}
