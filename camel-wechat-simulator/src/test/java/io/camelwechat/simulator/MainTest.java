package io.camelwechat.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static String send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean canFetchToken(WeChatSimulator simulator, String appId, String secret) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret=" + secret)))
                .contains("\"expires_in\":7200");
    }

    @Test
    void startsWithTheGivenAccountsAndPrintsTheBaseUrl() throws Exception {
        WeChatSimulator simulator = Main.start(new String[] {"--port", "0", "--account", "wxa:sa", "--account",
                "wxb:s:b", "--audit-delay-seconds", "5", "--live-industry-names"}, out);
        try {
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("listening on " + simulator.baseUrl()), text);
            assertFalse(text.contains("sa"), "no secret printed for given accounts: " + text);
            assertTrue(canFetchToken(simulator, "wxa", "sa"));
            assertTrue(canFetchToken(simulator, "wxb", "s:b"));
            assertTrue(simulator.liveIndustryNames());
        } finally {
            simulator.stop();
        }
    }

    @Test
    void withoutAccountsADemoAccountIsRegisteredAndPrinted() throws Exception {
        WeChatSimulator simulator = Main.start(new String[] {"--port", "0"}, out);
        try {
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains(Main.DEMO_APP_ID) && text.contains(Main.DEMO_SECRET), text);
            assertTrue(canFetchToken(simulator, Main.DEMO_APP_ID, Main.DEMO_SECRET));
        } finally {
            simulator.stop();
        }
    }

    @Test
    void auditDelayOptionIsApplied() throws Exception {
        WeChatSimulator simulator = Main.start(new String[] {"--port", "0", "--audit-delay-seconds", "5"}, out);
        try {
            String answer = send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/cgi-bin/wxopen/addcategory?access_token=" + simulator.stableToken(Main.DEMO_APP_ID)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"categories\":[{\"first\":1,\"second\":2}]}")));
            assertTrue(answer.contains("\"errcode\":0"), answer);
            simulator.clock().advance(Duration.ofSeconds(4));
            assertEquals(1, simulator.account(Main.DEMO_APP_ID).category(1, 2).auditStatus());
            simulator.clock().advance(Duration.ofSeconds(1));
            assertEquals(3, simulator.account(Main.DEMO_APP_ID).category(1, 2).auditStatus());
        } finally {
            simulator.stop();
        }
    }

    @Test
    void standaloneRunsOnTheWallClockUnlessFrozen() {
        WeChatSimulator wall = Main.start(new String[] {"--port", "0"}, out);
        try {
            assertTrue(wall.clock().ticks(), "tokens must expire and audits end in the jar");
            Instant now = wall.clock().now();
            assertTrue(Duration.between(now, Instant.now()).abs().getSeconds() < 60, now.toString());
        } finally {
            wall.stop();
        }
        WeChatSimulator frozen = Main.start(new String[] {"--port", "0", "--frozen-clock"}, out);
        try {
            assertFalse(frozen.clock().ticks());
        } finally {
            frozen.stop();
        }
    }

    private static String post(WeChatSimulator simulator, String pathAndQuery, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The value printed after {@code label} on its line. */
    private String printedValue(String label) {
        String text = printed.toString(StandardCharsets.UTF_8);
        int start = text.indexOf(label);
        assertTrue(start >= 0, "no " + label + " in: " + text);
        return text.substring(start + label.length()).split("[\\s]", 2)[0];
    }

    @Test
    void componentsAndAuthorizationsArePrintedReadyToUse() throws Exception {
        WeChatSimulator simulator = Main.start(new String[] {"--port", "0", "--component", "wxcomp:cs",
                "--authorize", "wxcomp:wxauthorizer", "--rotate-refresh-tokens"}, out);
        try {
            String ticket = printedValue("component wxcomp: component_verify_ticket ");
            String refreshToken = printedValue("authorization wxcomp -> wxauthorizer: authorizer_refresh_token ");
            JsonNode component = MAPPER.readTree(post(simulator, "/cgi-bin/component/api_component_token",
                    "{\"component_appid\":\"wxcomp\",\"component_appsecret\":\"cs\",\"component_verify_ticket\":\""
                            + ticket + "\"}"));
            String componentToken = component.path("component_access_token").asText();
            assertFalse(componentToken.isEmpty(), component.toString());

            JsonNode authorizer = MAPPER.readTree(post(simulator, "/cgi-bin/component/api_authorizer_token"
                    + "?component_access_token=" + componentToken, "{\"component_appid\":\"wxcomp\","
                    + "\"authorizer_appid\":\"wxauthorizer\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}"));
            assertTrue(authorizer.has("authorizer_access_token"), authorizer.toString());
            assertNotEquals(refreshToken, authorizer.get("authorizer_refresh_token").asText(), "rotation is on");
        } finally {
            simulator.stop();
        }
    }

    @Test
    void faultTokenAuditAndUploadOptionsAreApplied() throws Exception {
        WeChatSimulator simulator = Main.start(new String[] {"--port", "0", "--frozen-clock", "--latency-ms", "5",
                "--busy-rate", "0.25", "--token-lifetime-seconds", "600", "--audit-rule", "reject",
                "--audit-delay-seconds", "60", "--image-limit-mb", "2"}, out);
        try {
            assertEquals(Duration.ofMillis(5), simulator.faults().latency());
            assertEquals(0.25, simulator.faults().busyRate());
            simulator.faults().busyRate(0); // deterministic from here
            assertTrue(send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/cgi-bin/token?grant_type="
                    + "client_credential&appid=" + Main.DEMO_APP_ID + "&secret=" + Main.DEMO_SECRET)))
                    .contains("\"expires_in\":600"));

            String token = simulator.stableToken(Main.DEMO_APP_ID);
            post(simulator, "/cgi-bin/wxopen/addcategory?access_token=" + token,
                    "{\"categories\":[{\"first\":1,\"second\":2}]}");
            simulator.clock().advance(Duration.ofSeconds(60));
            assertEquals(CategoryState.REJECTED, simulator.account(Main.DEMO_APP_ID).category(1, 2).auditStatus());

            String boundary = "b";
            byte[] body = MediaUploadTest.multipart(boundary, "media", "a.png", "image/png",
                    java.util.Arrays.copyOf(MediaUploadTest.PNG, 2 * 1024 * 1024 + 1));
            String answer = send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/cgi-bin/media/upload?type=image&access_token=" + token))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertTrue(answer.contains("40009"), answer);
        } finally {
            simulator.stop();
        }
    }

    @Test
    void aSeedMakesRunsRepeatable() {
        assertEquals(firstToken("--seed", "7"), firstToken("--seed", "7"));
        assertNotEquals(firstToken("--seed", "7"), firstToken("--seed", "8"));
        assertNotEquals(firstToken(), firstToken(), "without a seed, each run hands out new ids");
    }

    private String firstToken(String... more) {
        WeChatSimulator simulator = Main.start(onAFreePort(more), out);
        try {
            return simulator.stableToken(Main.DEMO_APP_ID);
        } finally {
            simulator.stop();
        }
    }

    /** {@code --port 0} followed by the given arguments. */
    private static String[] onAFreePort(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--port";
        args[1] = "0";
        System.arraycopy(more, 0, args, 2, more.length);
        return args;
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        assertNull(Main.start(new String[] {"--help"}, out));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("--account APPID:SECRET"));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Main.start(new String[] {"--port"}, out));
        assertThrows(IllegalArgumentException.class, () -> Main.start(new String[] {"--port", "x"}, out));
        assertThrows(IllegalArgumentException.class, () -> Main.start(new String[] {"--account", "nosecret"}, out));
        assertThrows(IllegalArgumentException.class, () -> Main.start(new String[] {"--verbose"}, out));
        assertThrows(IllegalArgumentException.class, () -> Main.start(new String[] {"--port", "70000"}, out));
        for (String[] invalid : new String[][] {
                {"--component", "nosecret"}, {"--authorize", "wxnocomponent:wxa"}, {"--audit-rule", "maybe"},
                {"--busy-rate", "2"}, {"--busy-rate", "often"}, {"--latency-ms", "-1"}, {"--image-limit-mb", "11"},
                {"--token-lifetime-seconds", "0"}, {"--seed", "x"}, {"--audit-delay-seconds"}}) {
            assertThrows(IllegalArgumentException.class, () -> Main.start(onAFreePort(invalid), out),
                    String.join(" ", invalid));
        }
    }
}
