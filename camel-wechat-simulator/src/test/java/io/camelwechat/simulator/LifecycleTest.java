package io.camelwechat.simulator;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {

    @Test
    void bindsAFreeLoopbackPortAndStopsCleanly() throws Exception {
        WeChatSimulator simulator = WeChatSimulator.builder().build();
        assertThrows(IllegalStateException.class, simulator::port);

        try (WeChatSimulator started = simulator.start()) {
            assertTrue(started.port() > 0);
            assertEquals("http://127.0.0.1:" + started.port(), started.baseUrl());
            assertThrows(IllegalStateException.class, started::start);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(started.baseUrl() + "/cgi-bin/token")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.body().contains("40002"), answer.body());
        }
        assertThrows(IllegalStateException.class, simulator::port);
        simulator.stop(); // idempotent
    }

    @Test
    void serverRunsWithTcpNoDelay() {
        try (WeChatSimulator ignored = WeChatSimulator.builder().build().start()) {
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
        }
    }

    @Test
    void sequentialRequestsDoNotStallOnNagle() throws Exception {
        try (WeChatSimulator simulator = WeChatSimulator.builder().account("wxa", "s").build().start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/cgi-bin/wxopen/getallcategories?access_token=" + simulator.stableToken("wxa"))).build();
            client.send(request, HttpResponse.BodyHandlers.ofString()); // warm-up
            long start = System.nanoTime();
            for (int i = 0; i < 25; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            // a ~40 ms delayed-ACK stall per response would take at least 1000 ms
            assertTrue(millis < 750, "25 requests took " + millis + " ms");
        }
    }

    @Test
    void defaultClockStartsNowAndNeverMovesByItself() throws Exception {
        Instant before = Instant.now();
        WeChatSimulator simulator = WeChatSimulator.builder().build();
        Instant start = simulator.clock().now();
        assertTrue(!start.isBefore(before) && !start.isAfter(Instant.now()));
        Thread.sleep(5);
        assertEquals(start, simulator.clock().now());
    }

    @Test
    void clockRejectsNegativeSteps() {
        SimulatorClock clock = new SimulatorClock(Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        clock.set(Instant.EPOCH.plusSeconds(9));
        assertEquals(Instant.EPOCH.plusSeconds(9), clock.now());
    }

    @Test
    void builderRejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().port(-1));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().account("wx", " "));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().auditDelay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().requestLogLimit(-1));
        WeChatSimulator simulator = WeChatSimulator.builder().build();
        assertThrows(IllegalArgumentException.class, () -> simulator.account("wxunknown"));
        assertThrows(IllegalArgumentException.class, () -> simulator.stableToken("wxunknown"));
        assertThrows(IllegalArgumentException.class, () -> simulator.registerMedia("wxunknown", "m"));
    }
}
