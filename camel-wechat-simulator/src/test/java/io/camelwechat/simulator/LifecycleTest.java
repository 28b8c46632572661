package io.camelwechat.simulator;

import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Without TCP_NODELAY every response stalls ~40 ms (Nagle's algorithm meets delayed ACKs). Timing requests
     * would flake on a loaded machine, so this reads the option off the very sockets the JDK's HTTP server
     * accepted for this simulator (the surefire argLine opens {@code sun.net.httpserver} for it).
     */
    @Test
    void acceptedConnectionsHaveTcpNoDelay() throws Exception {
        try (WeChatSimulator simulator = WeChatSimulator.builder().account("wxa", "s").build().start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/cgi-bin/wxopen/getallcategories?access_token=" + simulator.stableToken("wxa"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());

            List<SocketChannel> accepted = acceptedChannels(simulator);
            assertFalse(accepted.isEmpty(), "the keep-alive connection is still open");
            for (SocketChannel channel : accepted) {
                assertTrue(channel.getOption(StandardSocketOptions.TCP_NODELAY), "TCP_NODELAY off on " + channel);
            }
        }
    }

    /** The channels the JDK server holds: WeChatSimulator.server.server → HttpServerImpl.server.allConnections. */
    private static List<SocketChannel> acceptedChannels(WeChatSimulator simulator) throws ReflectiveOperationException {
        Object transport = field(simulator, "server");          // SimulatorHttpServer
        Object httpServer = field(transport, "server");         // sun.net.httpserver.HttpServerImpl
        Object serverImpl = field(httpServer, "server");        // sun.net.httpserver.ServerImpl
        Set<?> connections = (Set<?>) field(serverImpl, "allConnections");
        List<SocketChannel> channels = new ArrayList<>();
        synchronized (connections) {
            for (Object connection : connections) {
                channels.add((SocketChannel) field(connection, "chan"));
            }
        }
        return channels;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass() + "." + name);
    }

    @Test
    void defaultClockStartsNowAndIsFrozen() {
        Instant before = Instant.now();
        WeChatSimulator simulator = WeChatSimulator.builder().build();
        Instant start = simulator.clock().now();
        assertTrue(!start.isBefore(before) && !start.isAfter(Instant.now()));
        assertFalse(simulator.clock().ticks(), "embedded, time moves only when a test moves it");
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
