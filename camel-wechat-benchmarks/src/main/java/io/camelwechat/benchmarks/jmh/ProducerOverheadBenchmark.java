package io.camelwechat.benchmarks.jmh;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The producer's overhead: {@code wechat:category?op=list} sent through a Camel {@link ProducerTemplate} beside
 * the same request sent by a bare, pooled Apache HttpClient 5, both against the simulator on loopback. Run it
 * with the runner's threads option (1 and 16 in {@link JmhRunner}); the ratio component/bare at each thread
 * count is the figure.
 * <p>
 * Both clients get the same pool size (50, the component's default), the same timeouts and no automatic retries;
 * both read the whole body and parse it with Jackson ({@code readTree}) and check {@code errcode}. The component
 * also builds the URL per call, resolves the account and its cached token, runs its resilience and metrics layers
 * and maps the tree to {@link SettingCategories}: that is the overhead measured. Each trial starts its own
 * simulator, so the request counters belong to one client.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProducerOverheadBenchmark {

    static final String APP_ID = "wx0123456789abcdef";
    static final String SECRET = "benchmark-secret";
    static final String URI = "wechat:category?op=list";
    static final String CATEGORY_PATH = "/cgi-bin/wxopen/getcategory";
    static final String STABLE_TOKEN_PATH = "/cgi-bin/stable_token";
    static final String CLASSIC_TOKEN_PATH = "/cgi-bin/token";

    /** The component's defaults, which the bare client gets too. */
    private static final WeChatComponent DEFAULTS = new WeChatComponent();
    static final int MAX_CONNECTIONS = DEFAULTS.getMaxConnections();
    static final Timeout CONNECT_TIMEOUT = Timeout.ofMilliseconds(DEFAULTS.getConnectTimeout());
    static final Timeout RESPONSE_TIMEOUT = Timeout.ofMilliseconds(DEFAULTS.getResponseTimeout());

    /** What one trial's simulator saw: read by the smoke test (forks 0, same JVM). */
    record TrialRecord(String client, int threads, int categoryRequests, int tokenRequests) {
    }

    /** The last trial per client and thread count, keyed {@code "component@16"}. */
    static final Map<String, TrialRecord> TRIALS = new ConcurrentHashMap<>();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static WeChatSimulator startSimulator() {
        return WeChatSimulator.builder().account(APP_ID, SECRET).build().start();
    }

    private static void record(String client, WeChatSimulator simulator, BenchmarkParams params) {
        int categoryRequests = simulator.requestCount(CATEGORY_PATH);
        int tokenRequests = simulator.requestCount(STABLE_TOKEN_PATH) + simulator.requestCount(CLASSIC_TOKEN_PATH);
        TRIALS.put(client + "@" + params.getThreads(),
                new TrialRecord(client, params.getThreads(), categoryRequests, tokenRequests));
        if (categoryRequests == 0) {
            throw new IllegalStateException(client + ": no getcategory request reached the simulator");
        }
    }

    /** The component in a plain {@link DefaultCamelContext}, with a template and the resolved endpoint. */
    @State(Scope.Benchmark)
    public static class ComponentClient {
        WeChatSimulator simulator;
        CamelContext camel;
        ProducerTemplate template;
        Endpoint endpoint;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            open(startSimulator());
        }

        /** Starts the component against this simulator and checks one call. */
        void open(WeChatSimulator simulator) throws Exception {
            this.simulator = simulator;
            WeChatComponent wechat = new WeChatComponent();
            wechat.getConfiguration().setBaseUrl(simulator.baseUrl());
            wechat.getConfiguration().setAppId(APP_ID);
            wechat.getConfiguration().setAppSecret(SECRET);
            camel = new DefaultCamelContext();
            camel.addComponent("wechat", wechat);
            camel.start();
            template = camel.createProducerTemplate();
            endpoint = camel.getEndpoint(URI);
            Object answer = template.requestBody(endpoint, (Object) null);
            if (!(answer instanceof SettingCategories)) {
                throw new IllegalStateException("wechat:category?op=list answered " + answer);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws Exception {
            try {
                record("component", simulator, params);
            } finally {
                close();
                simulator.close();
            }
        }

        void close() throws Exception {
            template.close();
            camel.close();
        }
    }

    /** A bare pooled HttpClient 5 with the token taken from the simulator once. */
    @State(Scope.Benchmark)
    public static class BareClient {
        WeChatSimulator simulator;
        CloseableHttpClient http;
        String url;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(startSimulator());
        }

        /** Opens the client against this simulator, with its current stable token, and checks one call. */
        void open(WeChatSimulator simulator) throws IOException {
            this.simulator = simulator;
            http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(MAX_CONNECTIONS)
                            .setMaxConnPerRoute(MAX_CONNECTIONS)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(CONNECT_TIMEOUT)
                                    .setSocketTimeout(RESPONSE_TIMEOUT)
                                    .build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT).build())
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableRedirectHandling()
                    .build();
            url = simulator.baseUrl() + CATEGORY_PATH + "?access_token="
                  + URLEncoder.encode(simulator.stableToken(APP_ID), StandardCharsets.UTF_8);
            send(this); // the connection pool and the simulator's path warm the same way as the component's
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws IOException {
            try {
                record("bare", simulator, params);
            } finally {
                http.close();
                simulator.close();
            }
        }

        void close() throws IOException {
            http.close();
        }
    }

    static JsonNode send(BareClient client) throws IOException {
        return client.http.execute(new HttpGet(client.url), response -> {
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("getcategory answered HTTP " + response.getCode());
            }
            JsonNode answer = MAPPER.readTree(body);
            if (answer == null || answer.path("errcode").asInt(0) != 0) {
                throw new IOException("getcategory answered an error: " + answer);
            }
            return answer;
        });
    }

    @Benchmark
    public Object component(ComponentClient client) {
        return client.template.requestBody(client.endpoint, (Object) null);
    }

    @Benchmark
    public JsonNode bare(BareClient client) throws IOException {
        return send(client);
    }
}
