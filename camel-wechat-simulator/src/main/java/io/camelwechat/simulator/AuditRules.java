package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When and how a category audit ends. An audit ends {@code delay} of simulator time after submission, with
 * the outcome of the {@link AuditRule} (the simulator's stand-in for WeChat's human review), unless an
 * override says otherwise.
 */
final class AuditRules {

    static final String MISSING_QUALIFICATION_REASON = "缺少资质材料 (qualification materials missing)";
    static final String REJECTED_BY_RULE_REASON = "审核不通过 (rejected by the simulator's audit rule)";

    private final Duration delay;
    private final CategoryTree tree;
    private final AuditRule rule;

    AuditRules(Duration delay, CategoryTree tree, AuditRule rule) {
        this.delay = delay;
        this.tree = tree;
        this.rule = rule;
    }

    boolean isDue(Instant submittedAt, Instant now) {
        return !now.isBefore(dueAt(submittedAt));
    }

    /** When an audit submitted at {@code submittedAt} ends. */
    Instant dueAt(Instant submittedAt) {
        return submittedAt.plus(delay);
    }

    /** The outcome for a category; {@code override} (may be null) wins over the rule. */
    AuditOutcome outcome(CategoryKey key, List<CertificateState> certificates, AuditOutcome override) {
        if (override != null) {
            return override;
        }
        return switch (rule) {
            case APPROVE_ALL -> AuditOutcome.APPROVE;
            case REJECT_ALL -> AuditOutcome.reject(REJECTED_BY_RULE_REASON);
            case QUALIFICATIONS -> tree.isSensitive(key) && certificates.isEmpty()
                    ? AuditOutcome.reject(MISSING_QUALIFICATION_REASON) : AuditOutcome.APPROVE;
        };
    }
}
