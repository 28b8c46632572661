package io.camelwechat.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

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
    }
}
