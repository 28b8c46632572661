package io.camelwechat.component.wechat.model;

/** The {@code audit_status} of a category that has been set (getSettingCategories). */
public enum CategoryAuditStatus {
    UNDER_REVIEW(1),
    REJECTED(2),
    APPROVED(3);

    private final int code;

    CategoryAuditStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException for a code WeChat does not document (only 1, 2 and 3 are)
     */
    public static CategoryAuditStatus fromCode(int code) {
        for (CategoryAuditStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("audit_status must be 1, 2 or 3, got " + code);
    }
}
