package io.camelwechat.springboot.example;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's readiness through Spring Boot actuator: Camel's health checks, the wechat component's among them,
 * in the health endpoint's readiness group, UP against a working account and DOWN once WeChat reports its quota
 * exhausted. No web server: the test calls the {@link HealthEndpoint} bean, as the HTTP endpoint would.
 */
@CamelSpringBootTest
@SpringBootTest(classes = WeChatExampleApplication.class)
@DirtiesContext // the quota circuit stays open in this context for the cooldown (60 s)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeChatExampleHealthTest {

    private static final String APP_ID = "wx0000000000boot02";
    private static final String APP_SECRET = "boot-health-secret-0123456789abc";
    private static final Duration FIRST_POLL_TIMEOUT = Duration.ofSeconds(15);

    /** Its own simulator: exhausting this account's quota leaves WeChatExampleApplicationTest's alone. */
    private static final WeChatSimulator SIMULATOR =
            WeChatSimulator.builder().account(APP_ID, APP_SECRET).build().start();

    @DynamicPropertySource
    static void wechatAccount(DynamicPropertyRegistry registry) {
        registry.add("camel.component.wechat.base-url", SIMULATOR::baseUrl);
        registry.add("camel.component.wechat.app-id", () -> APP_ID);
        registry.add("camel.component.wechat.app-secret", () -> APP_SECRET);
        ExampleDatabase.register(registry);
    }

    @Autowired
    private HealthEndpoint healthEndpoint;

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camelContext;

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Test
    @Order(1)
    void readinessShowsTheWeChatChecksUpAfterACall() {
        WatcherPolls.awaitFirstPoll(camelContext, FIRST_POLL_TIMEOUT);
        template.requestBody("direct:categories", (Object) null);

        CompositeHealth readiness = readiness();

        assertEquals(Status.UP, readiness.getStatus(), () -> "readiness: " + readiness.getComponents());
        assertEquals(Status.UP, component(readiness, "readinessState").getStatus());
        assertEquals(Status.UP, component(readiness, "camelReadinessState").getStatus());
        Health camel = component(readiness, "camelHealth");
        assertEquals(Status.UP, camel.getStatus(), () -> "camelHealth: " + camel.getDetails());
        Map<String, Object> checks = camel.getDetails();
        assertEquals("UP", checks.get("wechat-tokens"), () -> "camelHealth: " + checks);
        assertEquals("UP", checks.get("wechat-watcher:" + WatcherPolls.WATCHER_ROUTE), () -> "camelHealth: " + checks);
        assertEquals("UP", checks.get("consumer:" + WatcherPolls.WATCHER_ROUTE), () -> "camelHealth: " + checks);
        assertEquals("UP", checks.get("route:list-categories"), () -> "camelHealth: " + checks);
        assertEquals("UP", checks.get("context"), () -> "camelHealth: " + checks);

        // the same checks Camel itself reports as its readiness
        assertEquals(HealthCheck.State.UP, camelReadiness("wechat-tokens").getState());
        assertEquals(HealthCheck.State.UP,
                camelReadiness("wechat-watcher:" + WatcherPolls.WATCHER_ROUTE).getState());
        assertEquals(Status.UP, healthEndpoint.health().getStatus(), "the whole health endpoint");
    }

    @Test
    @Order(2)
    void readinessIsDownWhileTheQuotaCircuitIsOpen() {
        WatcherPolls.awaitFirstPoll(camelContext, FIRST_POLL_TIMEOUT);
        template.requestBody("direct:categories", (Object) null); // a cached token: the probe calls nothing
        int calls = SIMULATOR.totalRequests();

        SIMULATOR.faults().quotaExhausted(APP_ID, true);
        CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:categories", (Object) null));
        WeChatApiException quota = assertInstanceOf(WeChatApiException.class, failed.getCause());
        assertEquals(45009, quota.getErrcode());
        assertEquals(calls + 1, SIMULATOR.totalRequests(), "one call to WeChat, answered 45009");

        CompositeHealth readiness = readiness();

        assertEquals(Status.DOWN, readiness.getStatus(), () -> "readiness: " + readiness.getComponents());
        assertEquals(Status.UP, component(readiness, "readinessState").getStatus(), "Spring's own state is unchanged");
        // a readiness state indicator reports REFUSING_TRAFFIC as OUT_OF_SERVICE (HTTP 503, like DOWN)
        assertEquals(Status.OUT_OF_SERVICE, component(readiness, "camelReadinessState").getStatus());
        Health camel = component(readiness, "camelHealth");
        assertEquals(Status.DOWN, camel.getStatus());
        Map<String, Object> checks = camel.getDetails();
        assertEquals("DOWN", checks.get("wechat-tokens"), () -> "camelHealth: " + checks);
        Object tokenDetails = checks.get("wechat-tokens.data");
        assertNotNull(tokenDetails, () -> "camelHealth: " + checks);
        assertTrue(tokenDetails.toString().contains("quota.exhausted=[" + APP_ID + "]"), tokenDetails::toString);
        // the watcher has not polled since: its own check and the consumer's stay UP
        assertEquals("UP", checks.get("wechat-watcher:" + WatcherPolls.WATCHER_ROUTE), () -> "camelHealth: " + checks);
        assertEquals("UP", checks.get("consumer:" + WatcherPolls.WATCHER_ROUTE), () -> "camelHealth: " + checks);
        assertFalse(checks.toString().contains(APP_SECRET), "no secret in the health details");

        HealthCheck.Result tokens = camelReadiness("wechat-tokens");
        assertEquals(HealthCheck.State.DOWN, tokens.getState());
        assertTrue(tokens.getMessage().orElse("").contains("quota exhausted for [" + APP_ID + "]"), tokens::toString);

        // not ready, but alive: a quota problem never gets the application restarted
        HealthComponent liveness = healthEndpoint.healthForPath("liveness");
        assertNotNull(liveness, "the liveness group");
        assertEquals(Status.UP, liveness.getStatus());
        assertEquals(calls + 1, SIMULATOR.totalRequests(), "the probes called nothing: the circuit is open");
    }

    private CompositeHealth readiness() {
        HealthComponent readiness = healthEndpoint.healthForPath("readiness");
        assertNotNull(readiness, "the readiness group (management.endpoint.health.probes.enabled)");
        return assertInstanceOf(CompositeHealth.class, readiness);
    }

    private static Health component(CompositeHealth group, String name) {
        HealthComponent component = group.getComponents().get(name);
        assertNotNull(component, () -> name + " is not in the readiness group: " + group.getComponents().keySet());
        return assertInstanceOf(Health.class, component);
    }

    private HealthCheck.Result camelReadiness(String id) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(camelContext);
        return results.stream().filter(result -> result.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check " + id + " in " + results));
    }
}
