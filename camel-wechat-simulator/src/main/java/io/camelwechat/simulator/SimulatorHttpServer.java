package io.camelwechat.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The loopback HTTP transport: turns each exchange into a {@link RecordedRequest}, hands it to the handler
 * and writes the {@link SimResponse}. Knows nothing about WeChat.
 */
final class SimulatorHttpServer {

    static {
        // The JDK server reads this once, when its classes load. Without TCP_NODELAY every response waits
        // ~40 ms for Nagle/delayed-ACK; set it here so it is in place before this class touches HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final System.Logger LOG = System.getLogger(SimulatorHttpServer.class.getName());
    private static final int BACKLOG = 1024;
    /** Bigger than the largest media limit (10 MB), so oversized uploads still get WeChat's own error. */
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorClock clock;
    private final Function<RecordedRequest, SimResponse> handler;

    SimulatorHttpServer(int port, int threads, SimulatorClock clock, Function<RecordedRequest, SimResponse> handler)
            throws IOException {
        this.clock = clock;
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            // method and path only: the query string may carry a secret or an access token
            LOG.log(System.Logger.Level.DEBUG, () -> exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = readBody(exchange.getRequestBody());
            SimResponse response = body == null
                    ? SimResponse.text(413, "request body larger than " + MAX_BODY_BYTES + " bytes")
                    : handle(toRequest(exchange, body));
            write(exchange, response);
        }
    }

    private SimResponse handle(RecordedRequest request) {
        try {
            return handler.apply(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "simulator failed on " + request.method() + " " + request.path(), e);
            return SimResponse.text(500, "simulator error: " + e.getClass().getSimpleName());
        }
    }

    private RecordedRequest toRequest(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(), parseQuery(exchange.getRequestURI().getRawQuery()),
                headers, body, exchange.getRequestHeaders().getFirst("Content-Type"), clock.now());
    }

    /** Decoded query parameters; the first value of a repeated name wins. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return value;
        }
    }

    /** The body, or {@code null} when it exceeds the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body();
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "wechat-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
