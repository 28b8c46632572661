package io.camelwechat.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The harness's own calls to the simulator (setting up state, "another node" forcing a token refresh), on an Apache
 * HttpClient 5 of their own so that they never share a pool with a measured client.
 */
final class SimHttp implements AutoCloseable {

    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String CLASSIC_TOKEN = "/cgi-bin/token";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WeChatSimulator simulator;
    private final CloseableHttpClient http = pooledClient(32);

    SimHttp(WeChatSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * The harness's bare Apache HttpClient 5: pooled up to {@code maxConnections} to the one simulator, no automatic
     * retries (a retry would hide what is measured), no cookies, no redirects.
     */
    static CloseableHttpClient pooledClient(int maxConnections) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    /** Token requests the simulator has answered so far (stable and classic). */
    static int tokenRequests(WeChatSimulator simulator) {
        return simulator.requestCount(STABLE_TOKEN) + simulator.requestCount(CLASSIC_TOKEN);
    }

    JsonNode post(String pathAndQuery, Object body) throws IOException {
        HttpPost post = new HttpPost(simulator.baseUrl() + pathAndQuery);
        post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return http.execute(post, response -> MAPPER.readTree(EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** A POST whose answer must be errcode 0. */
    void postOk(String pathAndQuery, Object body) throws IOException {
        JsonNode answer = post(pathAndQuery, body);
        if (answer.path("errcode").asInt(0) != 0) {
            throw new IOException(pathAndQuery.replaceAll("access_token=[^&]*", "access_token=***") + " answered "
                                  + answer.path("errcode").asInt() + " " + answer.path("errmsg").asText());
        }
    }

    /** Sets the account's template industry (1 and 4), as every scenario's one-time setup. */
    static void setIndustry(WeChatSimulator simulator, String appId) throws IOException {
        try (SimHttp http = new SimHttp(simulator)) {
            http.setIndustry(appId);
        }
    }

    void setIndustry(String appId) throws IOException {
        postOk("/cgi-bin/template/api_set_industry?access_token=" + simulator.stableToken(appId),
                Map.of("industry_id1", "1", "industry_id2", "4"));
    }

    /**
     * What another node does: {@code POST /cgi-bin/stable_token} with {@code force_refresh=true}, which ends the
     * token every other holder has. WeChat allows one such call per 30 s, so the simulator clock is moved 31 s
     * first; 20 a day.
     *
     * @return the errcode, 0 when a new token was issued
     */
    int forceRefresh(String appId, String secret) throws IOException {
        simulator.clock().advance(Duration.ofSeconds(31));
        JsonNode answer = post(STABLE_TOKEN, Map.of("grant_type", "client_credential", "appid", appId,
                "secret", secret, "force_refresh", true));
        return answer.hasNonNull("access_token") ? 0 : answer.path("errcode").asInt(-999);
    }
}
