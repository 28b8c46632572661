package io.camelwechat.simulator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit rules other than the default {@link AuditRule#QUALIFICATIONS} (see CategoryAuditTest). */
class AuditRuleTest {

    @Nested
    class ApproveAll extends SimulatorTestSupport {

        @Override
        WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
            return builder.auditRule(AuditRule.APPROVE_ALL);
        }

        @Test
        void aSensitiveCategoryWithoutCertificateIsApproved() {
            assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":8,\"second\":39}]}"));
            clock.advance(Duration.ofMinutes(10));
            assertEquals(CategoryState.APPROVED, sim.account(APP).category(8, 39).auditStatus());
        }

        @Test
        void anOutcomeSetForTheCategoryStillWins() {
            sim.setAuditOutcome(APP, 1, 2, "overridden");
            assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
            clock.advance(Duration.ofMinutes(10));
            assertEquals("overridden", sim.account(APP).category(1, 2).auditReason());
        }
    }

    @Nested
    class RejectAll extends SimulatorTestSupport {

        @Override
        WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
            return builder.auditRule(AuditRule.REJECT_ALL);
        }

        @Test
        void anOpenCategoryIsRejectedWithAReason() {
            assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
            clock.advance(Duration.ofMinutes(10));
            CategoryState state = sim.account(APP).category(1, 2);
            assertEquals(CategoryState.REJECTED, state.auditStatus());
            assertEquals(AuditRules.REJECTED_BY_RULE_REASON, state.auditReason());
        }

        @Test
        void anApprovalSetForTheCategoryStillWins() {
            sim.setAuditOutcome(APP, 1, 2, null);
            assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
            clock.advance(Duration.ofMinutes(10));
            assertEquals(CategoryState.APPROVED, sim.account(APP).category(1, 2).auditStatus());
        }
    }
}
