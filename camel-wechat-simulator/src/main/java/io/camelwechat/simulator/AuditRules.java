package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When and how a category audit ends. An audit ends {@code delay} of simulator time after submission;
 * the default rule rejects a sensitive category submitted without any certificate and approves anything
 * else (the simulator's stand-in for WeChat's human review), unless an override says otherwise.
 */
final class AuditRules {

    static final String MISSING_QUALIFICATION_REASON = "缺少资质材料 (qualification materials missing)";

    private final Duration delay;
    private final CategoryTree tree;

    AuditRules(Duration delay, CategoryTree tree) {
        this.delay = delay;
        this.tree = tree;
    }

    boolean isDue(Instant submittedAt, Instant now) {
        return !now.isBefore(dueAt(submittedAt));
    }

    /** When an audit submitted at {@code submittedAt} ends. */
    Instant dueAt(Instant submittedAt) {
        return submittedAt.plus(delay);
    }

    /** The outcome for a category; {@code override} (may be null) wins over the default rule. */
    AuditOutcome outcome(CategoryKey key, List<CertificateState> certificates, AuditOutcome override) {
        if (override != null) {
            return override;
        }
        if (tree.isSensitive(key) && certificates.isEmpty()) {
            return AuditOutcome.reject(MISSING_QUALIFICATION_REASON);
        }
        return AuditOutcome.APPROVE;
    }
}
