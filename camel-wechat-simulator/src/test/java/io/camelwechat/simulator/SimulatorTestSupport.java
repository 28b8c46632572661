package io.camelwechat.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts a simulator on a free loopback port per test and talks to it over real HTTP. */
abstract class SimulatorTestSupport {

    static final String APP = "wx1234567890abcdef";
    static final String SECRET = "secret";
    static final String OTHER_APP = "wxfedcba0987654321";
    static final String OTHER_SECRET = "other-secret";
    /** 08:00 on 1 March 2024 in Beijing, so day and month boundaries are far away. */
    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** WeChat's request id at the end of every error message: three groups of 8 hex digits. */
    static final Pattern RID = Pattern.compile(" rid: ([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{8}$");

    protected SimulatorClock clock;
    protected WeChatSimulator sim;

    @BeforeEach
    void startSimulator() {
        clock = new SimulatorClock(START);
        sim = configure(WeChatSimulator.builder()
                .clock(clock)
                .account(APP, SECRET)
                .account(OTHER_APP, OTHER_SECRET)
                .random(new Random(42)))
                .build()
                .start();
    }

    /** Tests override to change the simulator's settings. */
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder;
    }

    @AfterEach
    void stopSimulator() {
        sim.stop();
    }

    /** An HTTP answer. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        int errcode() {
            return json().path("errcode").asInt(Integer.MIN_VALUE);
        }

        /** The errmsg as sent, with the {@code rid:} suffix of errors. */
        String errmsg() {
            return json().path("errmsg").asText();
        }

        /** The errmsg without the {@code rid:} suffix: the message WeChat documents for the code. */
        String message() {
            return RID.matcher(errmsg()).replaceFirst("");
        }
    }

    Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Answer post(String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Answer postJson(String pathAndQuery, String json) {
        return post(pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A GET on a WeChat API with the given token. */
    Answer apiGet(String path, String token) {
        return get(path + "?access_token=" + token);
    }

    /** A JSON POST on a WeChat API with the given token. */
    Answer apiPost(String path, String token, String json) {
        return postJson(path + "?access_token=" + token, json);
    }

    /** A stable token of the main test account, issued without an HTTP request. */
    String token() {
        return sim.stableToken(APP);
    }

    String classicToken(String appId, String secret) {
        Answer answer = get("/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret=" + secret);
        assertEquals(200, answer.status());
        return answer.json().get("access_token").asText();
    }

    Answer stableTokenCall(String appId, String secret, boolean forceRefresh) {
        return postJson("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"" + appId
                + "\",\"secret\":\"" + secret + "\",\"force_refresh\":" + forceRefresh + "}");
    }

    /** HTTP 200 with this errcode; an error's errmsg ends with WeChat's {@code rid:}. */
    static void assertError(int errcode, Answer answer) {
        assertEquals(200, answer.status(), "WeChat answers errors with HTTP 200: " + answer.body());
        assertEquals(errcode, answer.errcode(), answer.body());
        if (errcode != 0) {
            assertTrue(RID.matcher(answer.errmsg()).find(), "no rid at the end: " + answer.body());
        }
    }

    static void assertOk(Answer answer) {
        assertError(0, answer);
        assertEquals("ok", answer.errmsg());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(sim.baseUrl() + pathAndQuery);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
