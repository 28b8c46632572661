package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest extends SimulatorTestSupport {

    private static final String LIST = CategoryApiTest.LIST;
    private static final String INDUSTRY = "/cgi-bin/template/get_industry";

    @Test
    void busyRateOneAnswersSystemErrorButSparesTokenEndpoints() {
        String token = token();
        sim.faults().busyRate(1.0);

        Answer busy = apiGet(LIST, token);
        assertError(-1, busy);
        assertEquals("system error", busy.message());
        assertEquals(7200, stableTokenCall(APP, SECRET, true).json().path("expires_in").asInt());
    }

    @Test
    void busyRateCanIncludeTokenEndpoints() {
        sim.faults().busyRate(1.0).includeTokenEndpoints(true);
        assertError(-1, stableTokenCall(APP, SECRET, false));
    }

    @Test
    void busyRateHitsAboutThatShareOfCalls() {
        String token = token();
        sim.faults().busyRate(0.5);
        int busy = 0;
        for (int i = 0; i < 100; i++) {
            if (apiGet(LIST, token).errcode() == -1) {
                busy++;
            }
        }
        assertTrue(busy > 20 && busy < 80, "busy answers: " + busy);
    }

    @Test
    void failNextAnswersTheGivenErrcodeForNCallsOfThatPath() {
        String token = token();
        sim.faults().failNext(LIST, 45009, 2);

        Answer first = apiGet(LIST, token);
        assertError(45009, first);
        assertEquals("reach max api daily quota limit", first.message());
        assertEquals(0, apiGet(INDUSTRY, token).json().path("errcode").asInt(0), "another path is not affected");
        assertError(45009, apiGet(LIST, token));
        assertError(0, apiGet(LIST, token));
    }

    @Test
    void failNextWithoutPathSkipsTokenEndpointsAndHitsTheNextApiCall() {
        sim.faults().failNext(null, 40001, 1);
        String token = stableTokenCall(APP, SECRET, false).json().get("access_token").asText();
        assertError(40001, apiGet(INDUSTRY, token));
        assertEquals(0, apiGet(INDUSTRY, token).json().path("errcode").asInt(0));
    }

    @Test
    void failNextCanTargetATokenEndpoint() {
        sim.faults().failNext("/cgi-bin/stable_token", 45011, 1);
        assertError(45011, stableTokenCall(APP, SECRET, false));
        assertEquals(7200, stableTokenCall(APP, SECRET, false).json().path("expires_in").asInt());
    }

    @Test
    void unknownErrcodeGetsANeutralMessage() {
        sim.faults().failNext(LIST, 12345, 1);
        assertEquals("simulated error 12345", apiGet(LIST, token()).message());
    }

    @Test
    void faultedWriteChangesNothing() {
        sim.faults().failNext(CategoryApiTest.ADD, -1, 1);
        assertError(-1, apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
        assertEquals(0, sim.account(APP).categories().size());
    }

    @Test
    void httpStatusNextAnswersThatStatus() {
        sim.faults().httpStatusNext(LIST, 503, 1);
        Answer answer = apiGet(LIST, token());
        assertEquals(503, answer.status());
        assertEquals("simulated HTTP 503", answer.body());
        assertEquals(200, apiGet(LIST, token()).status());
    }

    @Test
    void rawBodyNextAnswersExactlyThatBody() {
        sim.faults().rawBodyNext(LIST, "text/html", "<html>busy</html>", 1);
        Answer answer = apiGet(LIST, token());
        assertEquals(200, answer.status());
        assertEquals("text/html", answer.contentType());
        assertEquals("<html>busy</html>", answer.body());
        assertError(0, apiGet(LIST, token()));
    }

    @Test
    void scriptedFaultsFireInTheOrderTheyWereArmed() {
        sim.faults().failNext(LIST, -1, 1).httpStatusNext(null, 502, 1);
        assertError(-1, apiGet(LIST, token()));
        assertEquals(502, apiGet(LIST, token()).status());
        assertError(0, apiGet(LIST, token()));
    }

    @Test
    void quotaExhaustedAnswers45009ForEveryCallOfThatAccountIncludingTokenFetches() {
        String token = token();
        String otherToken = sim.stableToken(OTHER_APP);
        sim.faults().quotaExhausted(APP, true);

        assertError(45009, apiGet(LIST, token));
        assertError(45009, stableTokenCall(APP, SECRET, false));
        assertError(45009, get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET));
        assertError(0, apiGet(LIST, otherToken));

        sim.faults().quotaExhausted(APP, false);
        assertError(0, apiGet(LIST, token));
    }

    @Test
    void latencyDelaysAnswers() {
        String token = token();
        sim.faults().latency(Duration.ofMillis(120));
        long start = System.nanoTime();
        apiGet(LIST, token);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 120, "took " + elapsedMillis + " ms");
    }

    @Test
    void clearRemovesEveryFault() {
        String token = token();
        sim.faults().busyRate(1.0).latency(Duration.ofMillis(5)).failNext(null, 1, 5).quotaExhausted(APP, true);
        sim.faults().clear();

        assertError(0, apiGet(LIST, token));
        assertEquals(0.0, sim.faults().busyRate());
        assertEquals(Duration.ZERO, sim.faults().latency());
    }

    @Test
    void controlPathsBypassFaults() {
        sim.faults().busyRate(1.0).httpStatusNext(null, 500, 1).includeTokenEndpoints(true);
        assertEquals(200, get("/__sim/counters").status());
        assertEquals(500, apiGet(LIST, token()).status(), "the armed fault is still there for the API");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> sim.faults().busyRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().busyRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().failNext(null, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().httpStatusNext(null, 42, 1));
        assertThrows(IllegalArgumentException.class, () -> sim.faults().latency(Duration.ofMillis(-1)));
    }
}
