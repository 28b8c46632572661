package io.camelwechat.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryApiTest extends SimulatorTestSupport {

    static final String ADD = "/cgi-bin/wxopen/addcategory";
    static final String MODIFY = "/cgi-bin/wxopen/modifycategory";
    static final String DELETE = "/cgi-bin/wxopen/deletecategory";
    static final String LIST = "/cgi-bin/wxopen/getcategory";
    static final String ALL = "/cgi-bin/wxopen/getallcategories";
    static final String MEDIA = "media-licence-1";

    /** Every settable (first, second) pair of the shipped tree: WeChat's documented getAllCategories example. */
    static final int[][] SETTABLE = {
            {1, 2}, {1, 5}, {1, 556}, {1, 558}, {1, 1033}, {8, 37}, {8, 39}, {8, 580}, {42, 43}, {402, 920}};

    private Answer add(String categoriesJson) {
        return apiPost(ADD, token(), "{\"categories\":" + categoriesJson + "}");
    }

    private static String category(int first, int second) {
        return "{\"first\":" + first + ",\"second\":" + second + "}";
    }

    private JsonNode list() {
        return apiGet(LIST, token()).json();
    }

    @Test
    void addedCategoryIsUnderReviewWithNamesAndTheQuotaDecrements() {
        assertOk(add("[" + category(1, 2) + "]"));

        JsonNode list = list();
        assertEquals(0, list.get("errcode").asInt());
        assertEquals(1, list.get("categories").size());
        JsonNode row = list.at("/categories/0");
        assertEquals(1, row.get("first").asInt());
        assertEquals("快递业与邮政", row.get("first_name").asText());
        assertEquals(2, row.get("second").asInt());
        assertEquals("快递、物流", row.get("second_name").asText());
        assertEquals(1, row.get("audit_status").asInt());
        assertEquals("", row.get("audit_reason").asText());
        assertEquals(5, list.get("limit").asInt());
        assertEquals(4, list.get("quota").asInt());
        assertEquals(20, list.get("category_limit").asInt());
    }

    @Test
    void certificatesAreStoredWithTheirOptionalFields() {
        sim.registerMedia(APP, MEDIA);
        assertOk(add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"出入境中介机构经营许可证\",\"value\":\""
                + MEDIA + "\",\"expire_time\":1893456000,\"is_permanent\":0}]}]"));

        CertificateState certificate = sim.account(APP).category(8, 39).certificates().get(0);
        assertEquals(new CertificateState("出入境中介机构经营许可证", MEDIA, 1893456000L, 0), certificate);
    }

    @Test
    void certificateWithoutOptionalFieldsKeepsThemNull() {
        sim.registerMedia(APP, MEDIA);
        assertOk(add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA + "\"}]}]"));
        CertificateState certificate = sim.account(APP).category(8, 39).certificates().get(0);
        assertNull(certificate.expireTime());
        assertNull(certificate.isPermanent());
    }

    @Test
    void unknownCategoryIs53303() {
        assertError(53303, add("[" + category(1, 39) + "]")); // 39 is under 8, not 1
        assertError(53303, add("[" + category(9, 1000) + "]"));
        assertError(53303, add("[" + category(8, 8) + "]")); // a first-level id is not settable as second
        assertError(53303, add("[{\"first\":8}]"));
        assertError(53303, add("[]"));
        assertError(53303, apiPost(ADD, token(), "{}"));
    }

    @Test
    void blankCertificateKeyIs53303() {
        sim.registerMedia(APP, MEDIA);
        assertError(53303, add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\" \",\"value\":\"" + MEDIA + "\"}]}]"));
        assertError(53303, add("[{\"first\":8,\"second\":39,\"certicates\":{\"key\":\"k\"}}]"));
        assertError(53303, add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA
                + "\",\"expire_time\":\"soon\"}]}]"));
    }

    @Test
    void unknownMediaIdIs40007AndNothingIsAdded() {
        Answer answer = add("[" + category(1, 2) + ",{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"k\",\"value\":\"nope\"}]}]");
        assertError(40007, answer);
        assertEquals("invalid media_id", answer.message());
        assertEquals(0, sim.account(APP).categories().size());
        assertEquals(5, sim.account(APP).quota());
    }

    @Test
    void mediaOfAnotherAccountIsUnknown() {
        sim.registerMedia(OTHER_APP, MEDIA);
        assertError(40007, add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA + "\"}]}]"));
    }

    @Test
    void mediaExpiresAfterThreeDays() {
        sim.registerMedia(APP, MEDIA);
        clock.advance(Duration.ofDays(3));
        assertError(40007, add("[{\"first\":8,\"second\":39,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA + "\"}]}]"));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
    }

    @Test
    void duplicateIs53304() {
        assertOk(add("[" + category(1, 2) + "]"));
        assertError(53304, add("[" + category(1, 2) + "]"));
        assertError(53304, add("[" + category(1, 5) + "," + category(1, 5) + "]"));
        assertEquals(1, sim.account(APP).categories().size());
        assertEquals(4, sim.account(APP).quota());
    }

    @Test
    void moreThanTheQuotaInOneCycleIs53300AndTheQuotaResetsNextMonth() {
        assertOk(add("[" + category(1, 2) + "," + category(1, 5) + "," + category(1, 558) + "]"));
        Answer tooMany = add("[" + category(1, 1033) + "," + category(8, 37) + "," + category(8, 580) + "]");
        assertError(53300, tooMany);
        assertEquals("超出每月次数限制", tooMany.message());
        assertOk(add("[" + category(1, 1033) + "," + category(8, 37) + "]"));
        assertEquals(0, list().get("quota").asInt());
        assertError(53300, add("[" + category(8, 580) + "]"));

        clock.set(java.time.Instant.parse("2024-03-31T16:00:00Z")); // 1 April 00:00 in Beijing
        assertEquals(5, list().get("quota").asInt());
        assertOk(add("[" + category(8, 580) + "]"));
    }

    @Test
    void modifyIsOnlyForRejectedCategories() {
        sim.registerMedia(APP, MEDIA);
        assertOk(add("[" + category(1, 2) + "]"));
        String modify = "{\"first\":1,\"second\":2,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA + "\"}]}";

        Answer inReview = apiPost(MODIFY, token(), modify);
        assertError(53307, inReview);
        assertEquals("只有审核失败的类目允许修改", inReview.message());

        clock.advance(Duration.ofMinutes(10)); // approved
        assertError(53307, apiPost(MODIFY, token(), modify));
    }

    @Test
    void modifyOfAnUnknownCategoryIs53303() {
        sim.registerMedia(APP, MEDIA);
        assertError(53303, apiPost(MODIFY, token(),
                "{\"first\":1,\"second\":5,\"certicates\":[{\"key\":\"k\",\"value\":\"" + MEDIA + "\"}]}"));
        assertError(53303, apiPost(MODIFY, token(), "{\"first\":1,\"second\":99,\"certicates\":[]}"));
    }

    @Test
    void modifyChecksCertificates() {
        sim.setAuditOutcome(APP, 1, 2, "rejected");
        assertOk(add("[" + category(1, 2) + "]"));
        clock.advance(Duration.ofMinutes(10));

        assertError(53303, apiPost(MODIFY, token(), "{\"first\":1,\"second\":2}"));
        assertError(40007, apiPost(MODIFY, token(),
                "{\"first\":1,\"second\":2,\"certicates\":[{\"key\":\"k\",\"value\":\"\"}]}"));
        assertEquals(CategoryState.REJECTED, sim.account(APP).category(1, 2).auditStatus());
    }

    @Test
    void deleteRules() {
        assertOk(add("[" + category(1, 2) + "]"));
        Answer inReview = apiPost(DELETE, token(), category(1, 2));
        assertError(53308, inReview);
        assertEquals("审核中的类目不允许删除", inReview.message());
        assertError(53303, apiPost(DELETE, token(), category(1, 5)));

        clock.advance(Duration.ofMinutes(10));
        assertOk(apiPost(DELETE, token(), category(1, 2)));
        assertEquals(0, list().get("categories").size());
        assertEquals(4, list().get("quota").asInt(), "a delete does not give the add back");
    }

    @Test
    void getAllCategoriesAnswersWeChatsDocumentedExampleInTheOfficialTreeShape() {
        JsonNode answer = apiGet(ALL, token()).json();
        assertEquals(0, answer.get("errcode").asInt());
        JsonNode categories = answer.at("/categories_list/categories");
        JsonNode root = categories.get(0);
        assertEquals(0, root.get("id").asInt());
        assertEquals("[1,8,42,402]", root.get("children").toString());
        assertEquals("[2,5,556,558,1033]", node(categories, 1).get("children").toString());
        assertEquals("[37,39,580]", node(categories, 8).get("children").toString());
        assertEquals("[43]", node(categories, 42).get("children").toString());
        assertEquals("[920]", node(categories, 402).get("children").toString());
        assertEquals("快递业与邮政", node(categories, 1).get("name").asText());
        assertEquals("医疗", node(categories, 42).get("name").asText());

        JsonNode education = node(categories, 8);
        assertEquals("教育", education.get("name").asText());
        assertEquals(1, education.get("level").asInt());
        assertEquals(0, education.get("father").asInt());

        JsonNode emigration = node(categories, 39);
        assertEquals("出国移民", emigration.get("name").asText());
        assertEquals(2, emigration.get("level").asInt());
        assertEquals(8, emigration.get("father").asInt());
        assertEquals(1, emigration.get("sensitive_type").asInt());
        assertEquals("《因私出入境中介机构经营许可证》",
                emigration.at("/qualify/exter_list/0/inner_list/0/name").asText());
        assertTrue(emigration.at("/qualify/remark").isTextual());
        assertEquals(2, node(categories, 556).at("/qualify/exter_list/0/inner_list").size());

        JsonNode open = node(categories, 37);
        assertEquals(0, open.get("sensitive_type").asInt());
        assertEquals(0, open.at("/qualify/exter_list").size());
        assertEquals(0, node(categories, 2).get("sensitive_type").asInt());
        assertEquals(1 + 4 + SETTABLE.length, categories.size()); // root, 4 first-level, the leaves
        for (int[] pair : SETTABLE) {
            assertEquals(pair[0], node(categories, pair[1]).get("father").asInt());
        }
    }

    private static JsonNode node(JsonNode categories, int id) {
        for (JsonNode node : categories) {
            if (node.get("id").asInt() == id) {
                return node;
            }
        }
        throw new AssertionError("no category " + id);
    }
}
