package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.model.AddCategoryRequest;
import io.camelwechat.component.wechat.model.CategoryAuditStatus;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.DeleteCategoryRequest;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.SettingCategory;
import io.camelwechat.component.wechat.model.WeChatAck;
import io.camelwechat.simulator.CategoryState;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryProducerTest extends WeChatTestSupport {

    /** 教育 / 出国移民: sensitive, needs a qualification. */
    static final int EDUCATION = 8;
    static final int EMIGRATION = 39;
    static final String LICENCE = "《因私出入境中介机构经营许可证》";
    static final String MEDIA_ID = "media-licence-0001";

    private SettableCategories settable;

    @BeforeEach
    void registerMediaAndReadTree() {
        simulator.registerMedia(APP_ID, MEDIA_ID);
        settable = send("wechat:category?op=all", null).getMessage().getBody(SettableCategories.class);
    }

    @Test
    void all_answersTheSettableTree() {
        assertTrue(settable.find(EMIGRATION).orElseThrow().needsQualification());
        assertEquals(EDUCATION, settable.find(EMIGRATION).orElseThrow().father());
        assertTrue(settable.find(0).orElseThrow().children().contains(EDUCATION), "root lists first-level ids");
        assertEquals(LICENCE, settable.find(EMIGRATION).orElseThrow().qualify().exterList().get(0).innerList().get(0)
                .name());
    }

    @Test
    void add_fromHeadersWithCertificateMap_sendsCerticates() throws Exception {
        Exchange exchange = send("wechat:category?op=add", null,
                WeChatConstants.CATEGORY_FIRST, EDUCATION, WeChatConstants.CATEGORY_SECOND, "39",
                WeChatConstants.CERTIFICATES, Map.of(LICENCE, MEDIA_ID));

        assertEquals(0, assertInstanceOf(WeChatAck.class, exchange.getMessage().getBody()).errcode());
        JsonNode sent = new ObjectMapper().readTree(requestsTo("/cgi-bin/wxopen/addcategory").get(0).bodyText());
        JsonNode certificate = sent.at("/categories/0/certicates/0");
        assertEquals(LICENCE, certificate.get("key").asText());
        assertEquals(MEDIA_ID, certificate.get("value").asText());
        assertFalse(sent.at("/categories/0").has("certificates"), "WeChat spells it certicates");
        assertEquals(1, simulator.account(APP_ID).categories().get(0).auditStatus());
    }

    @Test
    void add_certificateRecordsCarryExpiryAndPermanence() throws Exception {
        send("wechat:category?op=add", null,
                WeChatConstants.CATEGORY_FIRST, EDUCATION, WeChatConstants.CATEGORY_SECOND, EMIGRATION,
                WeChatConstants.CERTIFICATES, List.of(new Certificate(LICENCE, MEDIA_ID, 1_900_000_000L, 0)));

        JsonNode certificate = new ObjectMapper().readTree(
                requestsTo("/cgi-bin/wxopen/addcategory").get(0).bodyText()).at("/categories/0/certicates/0");
        assertEquals(1_900_000_000L, certificate.get("expire_time").asLong());
        assertEquals(0, certificate.get("is_permanent").asInt());
    }

    @Test
    void add_typedBodyCarriesSeveralCategoriesInOneCall() {
        int[] open = openCategory();
        AddCategoryRequest request = AddCategoryRequest.of(
                CategoryRequest.of(open[0], open[1]),
                CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));

        Exchange exchange = send("wechat:category?op=add", request,
                WeChatConstants.CATEGORY_FIRST, 999, WeChatConstants.CATEGORY_SECOND, 999);

        assertInstanceOf(WeChatAck.class, exchange.getMessage().getBody());
        assertEquals(1, requestsTo("/cgi-bin/wxopen/addcategory").size());
        assertEquals(2, simulator.account(APP_ID).categories().size());
    }

    @Test
    void list_answersCategoriesWithAuditStatusAndQuota() {
        send("wechat:category?op=add", CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));

        SettingCategories listed = assertInstanceOf(SettingCategories.class,
                send("wechat:category?op=list", null).getMessage().getBody());

        SettingCategory category = listed.categories().get(0);
        assertEquals(EMIGRATION, category.second());
        assertEquals(CategoryAuditStatus.UNDER_REVIEW, category.status());
        assertEquals(simulator.account(APP_ID).quota(), listed.quota());
        assertEquals(simulator.account(APP_ID).limit(), listed.limit());
        assertEquals(simulator.account(APP_ID).categoryLimit(), listed.categoryLimit());
        assertTrue(listed.quota() < listed.limit(), "an add uses quota");
    }

    @Test
    void list_convertsToMapAndJsonWithWireNames() throws Exception {
        send("wechat:category?op=add", CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));
        Exchange exchange = send("wechat:category?op=list", null);

        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        Map<?, ?> first = assertInstanceOf(Map.class, ((List<?>) map.get("categories")).get(0));
        assertEquals(1, first.get("audit_status"));
        assertTrue(map.containsKey("category_limit"));

        JsonNode json = new ObjectMapper().readTree(exchange.getMessage().getBody(String.class));
        assertEquals(EMIGRATION, json.at("/categories/0/second").asInt());
    }

    @Test
    void modify_rejectedCategory_goesBackUnderReview() {
        simulator.setAuditOutcome(APP_ID, EDUCATION, EMIGRATION, "资质不清晰");
        send("wechat:category?op=add", CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));
        simulator.clock().advance(Duration.ofHours(1));
        assertEquals(2, category(EDUCATION, EMIGRATION).auditStatus());
        simulator.setAuditOutcome(APP_ID, EDUCATION, EMIGRATION, null);

        Exchange exchange = send("wechat:category?op=modify", null,
                WeChatConstants.CATEGORY_FIRST, EDUCATION, WeChatConstants.CATEGORY_SECOND, EMIGRATION,
                WeChatConstants.CERTIFICATES, Map.of(LICENCE, MEDIA_ID));

        assertInstanceOf(WeChatAck.class, exchange.getMessage().getBody());
        assertEquals(1, category(EDUCATION, EMIGRATION).auditStatus());
        simulator.clock().advance(Duration.ofHours(1));
        assertEquals(3, category(EDUCATION, EMIGRATION).auditStatus());
    }

    @Test
    void modify_typedBody() throws Exception {
        simulator.setAuditOutcome(APP_ID, EDUCATION, EMIGRATION, "资质不清晰");
        send("wechat:category?op=add", CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));
        simulator.clock().advance(Duration.ofHours(1));

        send("wechat:category?op=modify", CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID)));

        JsonNode sent = new ObjectMapper().readTree(requestsTo("/cgi-bin/wxopen/modifycategory").get(0).bodyText());
        assertEquals(EDUCATION, sent.get("first").asInt());
        assertEquals(MEDIA_ID, sent.at("/certicates/0/value").asText());
        assertEquals(1, category(EDUCATION, EMIGRATION).auditStatus());
    }

    @Test
    void delete_fromHeadersAndTypedBody() {
        int[] open = openCategory();
        send("wechat:category?op=add", AddCategoryRequest.of(CategoryRequest.of(open[0], open[1]),
                CategoryRequest.of(EDUCATION, EMIGRATION, Certificate.of(LICENCE, MEDIA_ID))));
        simulator.clock().advance(Duration.ofHours(1));

        Exchange byHeaders = send("wechat:category?op=delete", null,
                WeChatConstants.CATEGORY_FIRST, open[0], WeChatConstants.CATEGORY_SECOND, open[1]);
        Exchange byBody = send("wechat:category?op=delete", new DeleteCategoryRequest(EDUCATION, EMIGRATION));

        assertInstanceOf(WeChatAck.class, byHeaders.getMessage().getBody());
        assertInstanceOf(WeChatAck.class, byBody.getMessage().getBody());
        assertTrue(simulator.account(APP_ID).categories().isEmpty());
    }

    @Test
    void operationHeaderOverridesTheOpOption() {
        Exchange exchange = send("wechat:category?op=all", null, WeChatConstants.OPERATION, "list");

        assertInstanceOf(SettingCategories.class, exchange.getMessage().getBody());
        assertEquals(1, requestsTo("/cgi-bin/wxopen/getcategory").size());
    }

    private CategoryState category(int first, int second) {
        return simulator.account(APP_ID).categories().stream()
                .filter(category -> category.first() == first && category.second() == second)
                .findFirst().orElseThrow();
    }

    /** A first/second pair from the settable tree that needs no qualification. */
    private int[] openCategory() {
        return settable.categories().stream()
                .filter(category -> category.level() == 2 && !category.needsQualification())
                .map(category -> new int[] { category.father(), category.id() })
                .findFirst().orElseThrow();
    }
}
