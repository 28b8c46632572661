package io.camelwechat.component.wechat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.internal.watcher.WatcherProbe;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.simulator.WeChatPushes;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code wechat} developer console, resolved through Camel's console registry as Hawtio and the camel CLI
 * resolve it, after calls, watcher polls and pushes against the simulator.
 */
class WeChatDevConsoleTest extends WeChatTestSupport {

    private static final String PUSH_TOKEN = "consolepushtoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Duration AUDIT = Duration.ofMinutes(11);

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PushServers.addTo(context, port);
        return context;
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertNotNull(registry, "camel-console provides the registry");
        DevConsole console = registry.resolveById("wechat");
        assertNotNull(console, "the wechat console is found by its id");
        return console;
    }

    private JsonNode json() {
        Object answer = console().call(DevConsole.MediaType.JSON, Map.of());
        try {
            return new ObjectMapper().readTree(((JsonObject) answer).toJson());
        } catch (JsonProcessingException e) {
            throw new AssertionError("the console's JSON does not parse", e);
        }
    }

    private String text() {
        return (String) console().call(DevConsole.MediaType.TEXT, Map.of());
    }

    @Test
    void showsTheTokenTheWatcherAndThePushReceiver_asJsonAndText_withoutAnySecret() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&pushHints=false&appId=" + APP_ID).routeId("watch")
                        .to("mock:changes");
                from("wechat:events?path=/wechat/events&token=RAW(" + PUSH_TOKEN + ")&encodingAesKey=RAW(" + AES_KEY
                     + ")&appId=" + APP_ID + "&timestampWindow=3600000").routeId("events").to("mock:pushes");
            }
        });
        CategoryAuditConsumer watcher = (CategoryAuditConsumer) context.getRoute("watch").getConsumer();
        simulator.pushTo(APP_ID, "http://127.0.0.1:" + port + "/wechat/events", PUSH_TOKEN, AES_KEY);
        WatcherProbe.poll(watcher);
        simulator.registerMedia(APP_ID, "media-1");
        Certificate licence = Certificate.of("《因私出入境中介机构经营许可证》", "media-1");
        template.requestBody("wechat:category?op=add", CategoryRequest.of(8, 39, licence));
        simulator.clock().advance(AUDIT); // WeChat pushes the approval
        assertEquals(1, WatcherProbe.poll(watcher), "the category, approved, is emitted");
        assertEquals(403, postForgedPush(), "a push signed with another token is rejected");
        ticker.advance(Duration.ofMinutes(10));
        awaitCondition(() -> json().at("/components/0/receivers/0/accepted").asLong() == 1);

        JsonNode component = json().at("/components/0");
        assertEquals("wechat", component.path("name").asText());
        assertTrue(component.path("started").asBoolean());

        JsonNode account = component.at("/accounts/0");
        assertEquals(APP_ID, account.path("appId").asText());
        assertEquals("stable", account.path("tokenSource").asText());
        assertFalse(account.path("sharedThroughDatabase").asBoolean());
        assertEquals(600, account.at("/token/ageSeconds").asLong(), "ten minutes on the token cache's clock");
        assertEquals(7200 - 60 - 600, account.at("/token/expiresInSeconds").asLong(),
                "WeChat's 7200 s less the 60 s margin");
        assertEquals(7200 - 300 - 600, account.at("/token/refreshInSeconds").asLong(),
                "refreshed 300 s ahead of WeChat's expiry");
        assertEquals(1, account.at("/counters/fetches").asLong());
        assertEquals(2, account.at("/counters/hits").asLong(), "the add and the second poll");
        assertEquals("closed", account.at("/quotaCircuit/state").asText());

        JsonNode watched = component.at("/watchers/0");
        assertEquals("watch", watched.path("route").asText());
        assertTrue(watched.path("leading").isMissingNode(), "not under master:");
        assertEquals(1, watched.at("/lastPoll/accountsPolled").asInt());
        assertEquals(1, watched.at("/lastPoll/changesEmitted").asInt());
        assertEquals(0, watched.at("/lastPoll/accountsFailing").asInt());
        Instant.parse(watched.at("/lastPoll/endedAt").asText());
        JsonNode category = watched.at("/accounts/0/categories/0");
        assertEquals(APP_ID, watched.at("/accounts/0/appId").asText());
        assertEquals(8, category.path("first").asInt());
        assertEquals(39, category.path("second").asInt());
        assertEquals(3, category.path("auditStatus").asInt());
        assertEquals("APPROVED", category.path("audit").asText());

        JsonNode receiver = component.at("/receivers/0");
        assertEquals("/wechat/events", receiver.path("path").asText());
        assertEquals(APP_ID, receiver.path("appId").asText());
        assertTrue(receiver.path("safeMode").asBoolean());
        assertEquals(1, receiver.path("accepted").asLong());
        assertEquals(1, receiver.path("rejected").asLong());
        assertEquals(1, receiver.at("/rejectedByStatus/403").asLong());
        assertEquals("msg_signature does not match", receiver.path("lastRejection").asText());
        assertFalse(receiver.path("lastAcceptedAt").asText().isEmpty());

        String text = text();
        assertTrue(text.contains("WeChat component wechat\n"), text);
        assertTrue(text.contains(APP_ID + ": tokens stable, token age 10m0s, expires in 1h49m0s, refresh in 1h45m0s; "
                                 + "hits 2, fetches 1,"), text);
        assertTrue(text.contains("quota circuit closed"), text);
        assertTrue(text.contains("    watch: last poll ended " + watched.at("/lastPoll/endedAt").asText()
                                 + ", 1 account(s) polled, 1 change(s) emitted, 0 failing"), text);
        assertTrue(text.contains("8/39 ") && text.contains(": APPROVED"), text);
        assertTrue(text.contains("/wechat/events for " + APP_ID + " (safe mode): 0 verification(s), 1 accepted, "
                                 + "1 rejected {403=1}, 0 error(s)"), text);

        String everything = text + json();
        for (String secret : new String[] { simulator.stableToken(APP_ID), APP_SECRET, PUSH_TOKEN, AES_KEY }) {
            assertFalse(everything.contains(secret), "the console shows no token, secret or key");
        }
    }

    private int postForgedPush() throws Exception {
        WeChatPushes.SignedPush forged = WeChatPushes.builder("another-token", AES_KEY).receiveId(APP_ID)
                .timestamp(Instant.now().getEpochSecond()).nonce("forged-1").build("<xml><Event>x</Event></xml>");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/events?" + forged.queryString())).POST(HttpRequest.BodyPublishers.ofString(forged.body()))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aContextWithDevConsolesEnabled_listsTheWeChatConsoleAmongAll() throws Exception {
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            plain.setDevConsole(true); // what camel.main.dev-console-enabled=true sets
            plain.start();

            DevConsoleRegistry registry = plain.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
            assertTrue(registry.getConsoleIDs().contains("wechat"), "scanned from the jar's service file: "
                                                                    + registry.getConsoleIDs());
            assertEquals("No wechat component in this context\n",
                    registry.getConsole("wechat").orElseThrow().call(DevConsole.MediaType.TEXT));
        }
    }

    @Test
    void anExhaustedQuota_showsTheOpenCircuitWithItsErrcodeAndNextTry() throws Exception {
        simulator.faults().quotaExhausted(APP_ID, true);
        sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);
        ticker.advance(Duration.ofSeconds(15));

        JsonNode account = json().at("/components/0/accounts/0");
        assertEquals("open", account.at("/quotaCircuit/state").asText());
        assertEquals(45009, account.at("/quotaCircuit/errcode").asInt());
        assertEquals(45, account.at("/quotaCircuit/retryInSeconds").asLong());
        assertTrue(account.path("token").isMissingNode(), "no token was obtained");
        assertTrue(text().contains("quota circuit open (errcode 45009, next try in 45s)"), text());
    }

    @Test
    void aStaticToken_isShownAsStatic_withoutTheToken() throws Exception {
        String staticToken = "static-token-for-the-console-0001";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:static").to("wechat:category?op=list&tokenMode=static&appId=wxstatic00000001"
                                         + "&accessToken=RAW(" + staticToken + ")");
            }
        });

        JsonNode account = json().at("/components/0/accounts/0");
        assertEquals("wxstatic00000001", account.path("appId").asText());
        assertEquals("static", account.path("tokenSource").asText());
        assertTrue(account.path("token").isMissingNode());
        assertFalse(text().contains(staticToken) || json().toString().contains(staticToken));
        assertTrue(text().contains("  Category watchers: none running\n  Push receivers: none running\n"), text());
    }
}
