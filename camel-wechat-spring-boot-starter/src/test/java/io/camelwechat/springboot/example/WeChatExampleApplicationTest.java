package io.camelwechat.springboot.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.WeChatConfiguration;
import io.camelwechat.component.wechat.internal.watcher.CategorySnapshot;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.simulator.WeChatSimulator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application against the WeChat simulator, configured only through camel.component.wechat.*, with
 * the application's own DataSource holding the state its nodes would share.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { WeChatExampleApplication.class, WeChatExampleApplicationTest.Beans.class },
                properties = "camel.component.wechat.state-repository=#watcherState")
class WeChatExampleApplicationTest {

    private static final String APP_ID = "wx0000000000boot01";
    private static final String APP_SECRET = "boot-app-secret-0123456789abcdef";

    /** Started before the Spring context, which reads its URL below. */
    private static final WeChatSimulator SIMULATOR =
            WeChatSimulator.builder().account(APP_ID, APP_SECRET).build().start();

    @DynamicPropertySource
    static void wechatAccount(DynamicPropertyRegistry registry) {
        registry.add("camel.component.wechat.base-url", SIMULATOR::baseUrl);
        registry.add("camel.component.wechat.app-id", () -> APP_ID);
        registry.add("camel.component.wechat.app-secret", () -> APP_SECRET);
        ExampleDatabase.register(registry);
    }

    @TestConfiguration
    static class Beans {
        @Bean
        MemoryStateRepository watcherState() {
            return new MemoryStateRepository();
        }
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private MemoryStateRepository watcherState;

    @Autowired
    private DataSource dataSource;

    /** Spring Boot actuator's: the component's meters go there. */
    @Autowired
    private MeterRegistry meterRegistry;

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Test
    void routeListsTheCategoriesOfTheConfiguredAccount() {
        // the audit watcher calls getcategory too: count this route's call only once the watcher's first poll is done
        WatcherPolls.awaitFirstPoll(camelContext, Duration.ofSeconds(15));
        int before = SIMULATOR.requestCount("/cgi-bin/wxopen/getcategory");

        Object body = template.requestBody("direct:categories", (Object) null);

        SettingCategories categories = assertInstanceOf(SettingCategories.class, body);
        assertEquals(SIMULATOR.account(APP_ID).categoryLimit(), categories.categoryLimit());
        assertEquals(before + 1, SIMULATOR.requestCount("/cgi-bin/wxopen/getcategory"));
    }

    @Test
    void watcherKeepsItsStateInTheConfiguredRepository() {
        WatcherPolls.awaitFirstPoll(camelContext, Duration.ofSeconds(15));

        // its first poll records the categories as they are (emitInitialState is false), under the appid
        assertNotNull(watcherState.getState(APP_ID));
        SettingCategories listed = template.requestBody("direct:categories", (Object) null, SettingCategories.class);
        assertEquals(CategorySnapshot.of(listed.categories()), CategorySnapshot.fromJson(watcherState.getState(APP_ID)),
                "what was recorded is what WeChat lists");
    }

    @Test
    void theApplicationsDataSourceHoldsTheTokenEveryNodeShares() throws SQLException {
        template.requestBody("direct:categories", (Object) null);

        WeChatComponent component = camelContext.getComponent("wechat", WeChatComponent.class);
        assertSame(dataSource, component.getDataSource(), "picked up without a property");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM wechat_access_token WHERE token_key LIKE ? AND token_value IS NOT NULL")) {
            select.setString(1, "%" + APP_ID);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the account's token is in the database");
            }
        }
    }

    @Test
    void yamlRouteSetsAndReadsTheIndustry() {
        assertNotNull(camelContext.getRoute("industry"), "loaded from example-routes/industry.camel.yaml");

        Map<?, ?> industry = template.requestBody("direct:industry", (Object) null, Map.class);

        Map<?, ?> primary = assertInstanceOf(Map.class, industry.get("primary_industry"), industry::toString);
        assertEquals("运输与仓储", primary.get("first_class"));
        assertEquals("快递", primary.get("second_class"));
        assertEquals(13, SIMULATOR.account(APP_ID).industryId1(), "WeChat holds what the route set");
    }

    @Test
    void theApplicationsMeterRegistryShowsTheWeChatMeters() {
        template.requestBody("direct:categories", (Object) null);

        Timer calls = meterRegistry.find("wechat.calls").tag("api", "getSettingCategories").tag("outcome", "ok")
                .timer();
        assertNotNull(calls, () -> "wechat.calls in the application's registry: " + wechatMeters());
        assertTrue(calls.count() >= 1, () -> "timed calls: " + calls.count());
        FunctionCounter hits = meterRegistry.find("wechat.token.hits").tag("appId", APP_ID).functionCounter();
        assertNotNull(hits, () -> "the account's token counters: " + wechatMeters());
        assertTrue(hits.count() >= 1, () -> "token hits: " + hits.count());
    }

    private List<String> wechatMeters() {
        return meterRegistry.getMeters().stream().map(meter -> meter.getId().toString())
                .filter(id -> id.contains("wechat")).toList();
    }

    @Test
    void componentGotThePropertiesAndKeptItsDefaults() {
        WeChatComponent component = camelContext.getComponent("wechat", WeChatComponent.class);
        WeChatConfiguration configuration = component.getConfiguration();

        // nested options, under the catalog's flat names
        assertEquals(APP_ID, configuration.getAppId());
        assertEquals(APP_SECRET, configuration.getAppSecret());
        assertEquals(SIMULATOR.baseUrl(), configuration.getBaseUrl());
        assertEquals(120_000, configuration.getTokenExpiryMargin());
        assertSame(watcherState, configuration.getStateRepository());
        // a component option given as a Spring Boot duration
        assertEquals(5_000, component.getResponseTimeout());
        // options not set keep the component's defaults
        assertEquals(5_000, component.getConnectTimeout());
        assertEquals("stable", configuration.getTokenMode());
        assertEquals(3, configuration.getBusyRetries());
    }
}
