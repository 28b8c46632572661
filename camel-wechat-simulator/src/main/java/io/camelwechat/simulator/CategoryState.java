package io.camelwechat.simulator;

import java.util.List;

/**
 * A category as set on an account (one row of getcategory).
 *
 * @param first        first-level category id
 * @param second       second-level category id
 * @param auditStatus  1 under review, 2 rejected, 3 approved
 * @param auditReason  the rejection reason, empty when none
 * @param certificates the qualification certificates last submitted for it
 */
public record CategoryState(int first, int second, int auditStatus, String auditReason,
                            List<CertificateState> certificates) {

    public static final int UNDER_REVIEW = 1;
    public static final int REJECTED = 2;
    public static final int APPROVED = 3;

    public CategoryState {
        certificates = List.copyOf(certificates);
    }
}
