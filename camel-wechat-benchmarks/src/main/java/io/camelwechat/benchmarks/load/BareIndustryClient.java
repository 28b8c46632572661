package io.camelwechat.benchmarks.load;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The baseline: a bare Apache HttpClient 5 (pooled, no retries), the JSON answer read into a Jackson tree and its
 * errcode checked. The token is what a hand-written client typically does: a volatile field filled on first use
 * with a stable_token fetch (no single flight: racing first callers each fetch), fetched again once when WeChat
 * rejects it (40001, 40014, 42001) and the call retried once. No retry on {@code -1}.
 */
final class BareIndustryClient implements IndustryClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CloseableHttpClient http;
    private final String baseUrl;
    private final String appId;
    private final String secret;
    private volatile String token;

    BareIndustryClient(String baseUrl, String appId, String secret, int maxConnections) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.secret = secret;
        this.http = SimHttp.pooledClient(maxConnections);
    }

    @Override
    public String name() {
        return "bare HttpClient 5";
    }

    @Override
    public Object getIndustry() throws IOException {
        String used = token();
        JsonNode answer = get(used);
        int errcode = answer.path("errcode").asInt(0);
        if (errcode == 40001 || errcode == 40014 || errcode == 42001) {
            refreshAfterRejection(used);
            answer = get(token());
            errcode = answer.path("errcode").asInt(0);
        }
        if (errcode != 0) {
            throw new IOException("getIndustry answered errcode " + errcode);
        }
        return answer;
    }

    private JsonNode get(String accessToken) throws IOException {
        return http.execute(new HttpGet(baseUrl + "/cgi-bin/template/get_industry?access_token=" + accessToken),
                response -> MAPPER.readTree(EntityUtils.toByteArray(response.getEntity())));
    }

    private String token() throws IOException {
        String current = token;
        if (current == null) {
            current = fetchToken();
            token = current;
        }
        return current;
    }

    private synchronized void refreshAfterRejection(String rejected) throws IOException {
        if (rejected.equals(token)) {
            token = fetchToken();
        }
    }

    private String fetchToken() throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/cgi-bin/stable_token");
        post.setEntity(new ByteArrayEntity(MAPPER.writeValueAsBytes(Map.of("grant_type", "client_credential",
                "appid", appId, "secret", secret, "force_refresh", false)), ContentType.APPLICATION_JSON));
        JsonNode answer = http.execute(post, response -> MAPPER.readTree(EntityUtils.toByteArray(response.getEntity())));
        String value = answer.path("access_token").asText(null);
        if (value == null) {
            throw new IOException("stable_token answered " + answer.path("errcode").asInt());
        }
        return value;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing loopback connections
        }
    }
}
