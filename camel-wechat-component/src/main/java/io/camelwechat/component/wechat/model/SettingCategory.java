package io.camelwechat.component.wechat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A category the mini program has set, with its audit state. {@code auditStatus} keeps WeChat's number so that an
 * undocumented value never breaks parsing; {@link #status()} gives the typed view.
 */
public record SettingCategory(
        @JsonProperty("first") int first,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("second") int second,
        @JsonProperty("second_name") String secondName,
        @JsonProperty("audit_status") int auditStatus,
        @JsonProperty("audit_reason") String auditReason) {

    /**
     * @throws IllegalArgumentException if WeChat answered with a status it does not document
     */
    public CategoryAuditStatus status() {
        return CategoryAuditStatus.fromCode(auditStatus);
    }
}
