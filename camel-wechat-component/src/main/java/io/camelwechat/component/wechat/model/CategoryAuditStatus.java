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
        if (!isDocumented(code)) {
            throw new IllegalArgumentException("audit_status must be 1, 2 or 3, got " + code);
        }
        return values()[code - 1];
    }

    /** Whether WeChat documents this code (1, 2 or 3). */
    public static boolean isDocumented(int code) {
        return code >= UNDER_REVIEW.code && code <= APPROVED.code;
    }
}
