package io.camelwechat.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the YAML DSL example (yaml/application.properties and yaml/routes) on camel-main against the simulator:
 * the routes that use the component directly and the three Kamelets shipped in the component jar.
 */
class YamlExampleTest {

    private static final String APP_ID = "wxyamltest000001";
    private static final String APP_SECRET = "yaml-test-secret";
    private static final String AUDITS = "seda:test-audits";
    private static final long WAIT_MILLIS = 10_000;

    private WeChatSimulator simulator;
    private Main main;
    private ProducerTemplate template;
    private ConsumerTemplate consumer;

    @BeforeEach
    void startExample() throws Exception {
        simulator = WeChatSimulator.builder().account(APP_ID, APP_SECRET).build().start();
        main = YamlExample.newMain(Map.of(
                "camel.component.wechat.base-url", simulator.baseUrl(),
                "camel.component.wechat.app-id", APP_ID,
                "camel.component.wechat.app-secret", APP_SECRET,
                // the tests make the writes themselves; the startup route only reads
                "example.writes", "false",
                "example.add-category", "false",
                "example.audit.delay", "100",
                "example.audit.initial-delay", "0",
                "example.audit.to", AUDITS));
        main.start();
        template = main.getCamelContext().createProducerTemplate();
        consumer = main.getCamelContext().createConsumerTemplate();
    }

    @AfterEach
    void stopExample() throws Exception {
        if (template != null) {
            template.close();
        }
        if (consumer != null) {
            consumer.close();
        }
        if (main != null) {
            main.stop();
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void yamlRoutesAndKameletsAreLoaded() {
        CamelContext context = main.getCamelContext();
        for (String routeId : List.of("component-get-industry", "component-list-categories", "set-industry",
                "get-industry", "list-categories", "add-category", "category-audits", "startup")) {
            assertNotNull(context.getRoute(routeId), "route " + routeId + " from yaml/routes");
        }
        // the Kamelets come from the component jar (or its target/classes in a reactor build), not from here
        for (String kamelet : List.of("wechat-industry-action", "wechat-category-action", "wechat-category-audit-source")) {
            URL url = getClass().getClassLoader().getResource("kamelets/" + kamelet + ".kamelet.yaml");
            assertNotNull(url, kamelet);
            assertTrue(url.toString().contains("camel-wechat-component"), url.toString());
        }
        assertEquals(APP_ID, context.resolvePropertyPlaceholders("{{camel.component.wechat.app-id}}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void industryActionSetsTheIndustryAndReadsItBackWithItsCode() {
        Map<String, Object> ack = template.requestBody("direct:set-industry", null, Map.class);
        assertEquals(0, ack.get("errcode"), ack.toString());

        Map<String, Object> industry = template.requestBody("direct:get-industry", null, Map.class);
        Map<String, Object> primary = (Map<String, Object>) industry.get("primary_industry");
        Map<String, Object> secondary = (Map<String, Object>) industry.get("secondary_industry");
        assertEquals(13, primary.get("industry_id"), industry.toString()); // example.industry.primary
        assertEquals("运输与仓储", primary.get("first_class"));
        assertEquals("快递", primary.get("second_class"));
        assertEquals(1, secondary.get("industry_id"), industry.toString()); // example.industry.secondary
        assertEquals(1, simulator.requestCount("/cgi-bin/template/api_set_industry"));
    }

    @Test
    void industryActionTakesTheCodesFromHeadersWhenItsPropertiesAreNotSet() {
        String ack = template.requestBodyAndHeaders("kamelet:wechat-industry-action?op=set", null,
                Map.of("CamelWeChatIndustryId1", "2", "CamelWeChatIndustryId2", 3,
                        // ignored: the Kamelet's op decides
                        "CamelWeChatOperation", "get"), String.class);
        assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", ack);

        String industry = template.requestBody("kamelet:wechat-industry-action?op=get", null, String.class);
        assertTrue(industry.contains("\"industry_id\":2") && industry.contains("\"industry_id\":3"), industry);
    }

    @Test
    void industryActionNeedsItsOp() {
        Exception failure = assertThrows(Exception.class,
                () -> template.requestBody("kamelet:wechat-industry-action", null, String.class));
        assertTrue(messages(failure).contains("mandatory parameters must be provided: op"), messages(failure));
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoryActionListsAddsAndTheComponentRouteSeesTheSame() {
        Map<String, Object> before = template.requestBody("direct:list-categories", null, Map.class);
        assertEquals(List.of(), before.get("categories"), before.toString());
        int quota = (Integer) before.get("quota");

        Map<String, Object> ack = template.requestBody("direct:add-category", null, Map.class);
        assertEquals(0, ack.get("errcode"), ack.toString());

        Map<String, Object> after = template.requestBody("direct:list-categories", null, Map.class);
        List<Map<String, Object>> categories = (List<Map<String, Object>>) after.get("categories");
        assertEquals(1, categories.size(), after.toString());
        assertEquals(1, categories.get(0).get("first"));   // example.category.first
        assertEquals(2, categories.get(0).get("second"));  // example.category.second
        assertEquals(1, categories.get(0).get("audit_status"), "under review");
        assertEquals(quota - 1, after.get("quota"));

        // the route using wechat:category?op=list directly answers the same
        Map<String, Object> direct = template.requestBody("direct:component-list-categories", null, Map.class);
        assertEquals(after.get("categories"), direct.get("categories"));

        // the settable tree through op=all, straight at the Kamelet
        String all = template.requestBody("kamelet:wechat-category-action?op=all", null, String.class);
        assertTrue(all.contains("\"categories_list\"") && all.contains("快递、物流"), all);
    }

    @Test
    void categoryActionDeletesTheCategoryNamedByHeaders() {
        template.requestBody("direct:add-category", null, Map.class);
        simulator.clock().advance(Duration.ofMinutes(11)); // WeChat refuses to delete a category under review

        String ack = template.requestBodyAndHeaders("kamelet:wechat-category-action?op=delete", null,
                Map.of("CamelWeChatCategoryFirst", 1, "CamelWeChatCategorySecond", "2"), String.class);
        assertEquals("{\"errcode\":0,\"errmsg\":\"ok\"}", ack);
        String listed = template.requestBody("kamelet:wechat-category-action?op=list", null, String.class);
        assertTrue(listed.contains("\"categories\":[]"), listed);
    }

    @Test
    void componentRouteReadsTheIndustry() {
        template.requestBodyAndHeaders("kamelet:wechat-industry-action?op=set", null,
                Map.of("CamelWeChatIndustryId1", 13, "CamelWeChatIndustryId2", 1), String.class);

        Map<?, ?> industry = template.requestBody("direct:component-get-industry", null, Map.class);
        assertEquals(13, ((Map<?, ?>) industry.get("primary_industry")).get("industry_id"), industry.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void auditSourceReportsTheAddedCategoryAndItsAuditResult() throws Exception {
        StateRepository<String, String> watcherState = main.getCamelContext().getRegistry()
                .lookupByNameAndType("watcherState", StateRepository.class);
        assertNotNull(watcherState, "the watcherState bean of wechat-kamelets.camel.yaml");

        template.requestBody("direct:add-category", null, Map.class);

        Exchange added = nextChange(consumer, AUDITS, "ADDED");
        assertEquals(APP_ID, added.getMessage().getHeader("CamelWeChatAppId"));
        assertEquals(1, added.getMessage().getHeader("CamelWeChatCategoryFirst"));
        assertEquals(2, added.getMessage().getHeader("CamelWeChatCategorySecond"));
        assertEquals(1, added.getMessage().getHeader("CamelWeChatAuditStatus"));
        String json = added.getMessage().getBody(String.class);
        assertTrue(json.contains("\"change_type\":\"ADDED\"") && json.contains("\"audit_status\":1"), json);

        simulator.clock().advance(Duration.ofMinutes(11)); // the simulated audit takes 10 minutes

        Exchange audited = nextChange(consumer, AUDITS, "STATUS_CHANGED");
        assertEquals(1, audited.getMessage().getHeader("CamelWeChatPreviousAuditStatus"));
        assertEquals(3, audited.getMessage().getHeader("CamelWeChatAuditStatus"), "approved");
        assertTrue(audited.getMessage().getBody(String.class).contains("\"previous_audit_status\":1"));

        // what was delivered is kept in the watcherState bean the YAML declares and passes to the Kamelet
        String state = watcherState.getState(APP_ID);
        assertNotNull(state);
        assertTrue(state.contains("1/2"), state);
    }

    @Test
    void launcherTellsTheWholeStoryAgainstTheEmbeddedSimulator() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        boolean succeeded = YamlExample.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(succeeded, output);
        assertTrue(output.contains("audit source: ADDED"), output);
        assertTrue(output.contains("audit source: STATUS_CHANGED"), output);
    }

    /** The audit source's next change, which must come within the wait and be of the given type. */
    static Exchange nextChange(ConsumerTemplate consumer, String endpoint, String changeType) {
        Exchange change = consumer.receive(endpoint, WAIT_MILLIS);
        assertNotNull(change, "no " + changeType + " change within " + WAIT_MILLIS + " ms");
        assertEquals(changeType, change.getMessage().getHeader("CamelWeChatChangeType"));
        return change;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
