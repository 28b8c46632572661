package io.camelwechat.simulator;

/** How an audit ends: approved (status 3) or rejected (status 2) with a reason. */
record AuditOutcome(String rejectReason) {

    static final AuditOutcome APPROVE = new AuditOutcome(null);

    static AuditOutcome reject(String reason) {
        return new AuditOutcome(reason);
    }

    boolean approved() {
        return rejectReason == null;
    }

    int status() {
        return approved() ? CategoryState.APPROVED : CategoryState.REJECTED;
    }

    String reason() {
        return approved() ? "" : rejectReason;
    }
}
