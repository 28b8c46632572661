package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit rules other than the default {@link AuditRule#QUALIFICATIONS} (see CategoryAuditTest). */
class AuditRuleTest {

    /** A simulator with one audit rule; {@link #audited} adds a category and lets its audit end. */
    abstract static class WithRule extends SimulatorTestSupport {

        abstract AuditRule rule();

        @Override
        WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
            return builder.auditRule(rule());
        }

        CategoryState audited(int first, int second) {
            assertOk(apiPost(CategoryApiTest.ADD, token(),
                    "{\"categories\":[{\"first\":" + first + ",\"second\":" + second + "}]}"));
            clock.advance(Duration.ofMinutes(10));
            return sim.account(APP).category(first, second);
        }
    }

    @Nested
    class ApproveAll extends WithRule {

        @Override
        AuditRule rule() {
            return AuditRule.APPROVE_ALL;
        }

        @Test
        void aSensitiveCategoryWithoutCertificateIsApproved() {
            assertEquals(CategoryState.APPROVED, audited(8, 39).auditStatus());
        }

        @Test
        void anOutcomeSetForTheCategoryStillWins() {
            sim.setAuditOutcome(APP, 1, 2, "overridden");
            assertEquals("overridden", audited(1, 2).auditReason());
        }
    }

    @Nested
    class RejectAll extends WithRule {

        @Override
        AuditRule rule() {
            return AuditRule.REJECT_ALL;
        }

        @Test
        void anOpenCategoryIsRejectedWithAReason() {
            CategoryState state = audited(1, 2);
            assertEquals(CategoryState.REJECTED, state.auditStatus());
            assertEquals(AuditRules.REJECTED_BY_RULE_REASON, state.auditReason());
        }

        @Test
        void anApprovalSetForTheCategoryStillWins() {
            sim.setAuditOutcome(APP, 1, 2, null);
            assertEquals(CategoryState.APPROVED, audited(1, 2).auditStatus());
        }
    }
}
