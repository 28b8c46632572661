package io.camelwechat.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Audits end from the clock alone: 1 -> 3, 1 -> 2 with a reason, modify 2 -> 1 -> 3. */
class CategoryAuditTest extends SimulatorTestSupport {

    private static final String MEDIA = "licence";

    private Answer add(int first, int second, boolean withCertificate) {
        String certificates = withCertificate
                ? ",\"certicates\":[{\"key\":\"licence\",\"value\":\"" + MEDIA + "\"}]" : "";
        return apiPost(CategoryApiTest.ADD, token(),
                "{\"categories\":[{\"first\":" + first + ",\"second\":" + second + certificates + "}]}");
    }

    private JsonNode row() {
        return apiGet(CategoryApiTest.LIST, token()).json().at("/categories/0");
    }

    @Test
    void openCategoryIsApprovedWhenTheAuditDelayHasPassed() {
        assertOk(add(1, 2, false));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(1, row().get("audit_status").asInt());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(3, row().get("audit_status").asInt());
        assertEquals("", row().get("audit_reason").asText());
    }

    @Test
    void sensitiveCategoryWithoutCertificateIsRejectedWithAReason() {
        assertOk(add(8, 39, false));
        clock.advance(Duration.ofMinutes(10));

        JsonNode row = row();
        assertEquals(2, row.get("audit_status").asInt());
        assertEquals(AuditRules.MISSING_QUALIFICATION_REASON, row.get("audit_reason").asText());
    }

    @Test
    void sensitiveCategoryWithCertificateIsApproved() {
        sim.registerMedia(APP, MEDIA);
        assertOk(add(8, 39, true));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(3, row().get("audit_status").asInt());
    }

    @Test
    void rejectedCategoryModifiedWithCertificatesGoesBackToReviewThenApproval() {
        assertOk(add(8, 39, false));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(2, row().get("audit_status").asInt());

        sim.registerMedia(APP, MEDIA);
        assertOk(apiPost(CategoryApiTest.MODIFY, token(),
                "{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"licence\",\"value\":\"" + MEDIA + "\"}]}"));
        JsonNode resubmitted = row();
        assertEquals(1, resubmitted.get("audit_status").asInt());
        assertEquals("", resubmitted.get("audit_reason").asText());

        clock.advance(Duration.ofMinutes(9));
        assertEquals(1, row().get("audit_status").asInt(), "the new audit runs from the modification");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(3, row().get("audit_status").asInt());
    }

    @Test
    void overrideRejectsThenApproves() {
        sim.setAuditOutcome(APP, 1, 2, "名称与类目不符");
        assertOk(add(1, 2, false));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(2, row().get("audit_status").asInt());
        assertEquals("名称与类目不符", row().get("audit_reason").asText());

        sim.setAuditOutcome(APP, 1, 2, null);
        assertOk(apiPost(CategoryApiTest.MODIFY, token(), "{\"first\":1,\"second\":2,\"certicates\":[]}"));
        assertEquals(1, row().get("audit_status").asInt());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(3, row().get("audit_status").asInt());
    }

    @Test
    void overrideOnlyAffectsItsAccount() {
        sim.setAuditOutcome(OTHER_APP, 1, 2, "no");
        assertOk(add(1, 2, false));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(3, row().get("audit_status").asInt());
    }

    @Test
    void javaStateReadsSettleAuditsWithoutAnyRequest() {
        assertOk(add(8, 39, false));
        int requests = sim.totalRequests();
        clock.advance(Duration.ofHours(1));

        CategoryState state = sim.account(APP).category(8, 39);
        assertEquals(CategoryState.REJECTED, state.auditStatus());
        assertEquals(AuditRules.MISSING_QUALIFICATION_REASON, state.auditReason());
        assertEquals(requests, sim.totalRequests());
    }
}
