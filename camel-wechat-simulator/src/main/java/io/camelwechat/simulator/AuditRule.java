package io.camelwechat.simulator;

/**
 * How category audits end, unless {@link WeChatSimulator#setAuditOutcome} decides for a category. WeChat's
 * review is done by people; these rules are the simulator's stand-ins for it.
 */
public enum AuditRule {
    /**
     * The default: a sensitive category ({@code sensitive_type} 1) submitted without any certificate is
     * rejected with the reason {@code 缺少资质材料 (qualification materials missing)}; anything else is approved.
     */
    QUALIFICATIONS,
    /** Every audit approves (status 3). */
    APPROVE_ALL,
    /** Every audit rejects (status 2) with the reason {@code 审核不通过 (rejected by the simulator's audit rule)}. */
    REJECT_ALL
}
