package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /__sim/ HTTP control paths. */
class ControlApiTest extends SimulatorTestSupport {

    private Answer control(String pathAndQuery) {
        return post("/__sim/" + pathAndQuery, null, new byte[0]);
    }

    private Answer faults(String json) {
        return post("/__sim/faults", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestsAndCounters() {
        String token = token();
        apiGet("/cgi-bin/wxopen/getcategory", token);

        JsonNode requests = get("/__sim/requests").json();
        assertEquals(1, requests.size());
        assertEquals("GET", requests.at("/0/method").asText());
        assertEquals("/cgi-bin/wxopen/getcategory", requests.at("/0/path").asText());
        assertEquals(token, requests.at("/0/query/access_token").asText());
        assertEquals(START.toString(), requests.at("/0/at").asText());
        assertTrue(requests.at("/0/headers/host").isArray());

        JsonNode counters = get("/__sim/counters").json();
        assertEquals(1, counters.get("total").asInt());
        assertEquals(1, counters.at("/paths/~1cgi-bin~1wxopen~1getcategory").asInt());
    }

    @Test
    void resetClearsRequestsAndCounters() {
        apiGet("/cgi-bin/wxopen/getcategory", token());
        assertTrue(control("reset").json().get("ok").asBoolean());
        assertEquals(0, sim.totalRequests());
        assertEquals(0, get("/__sim/requests").json().size());
    }

    @Test
    void clockAdvance() {
        JsonNode answer = control("clock/advance?seconds=600").json();
        assertEquals(START.plusSeconds(600), clock.now());
        assertEquals(START.plusSeconds(600).toString(), answer.get("now").asText());
        assertEquals(clock.now().toString(), get("/__sim/clock").json().get("now").asText());
        assertEquals(400, control("clock/advance?seconds=soon").status());
        assertEquals(400, control("clock/advance").status());
    }

    @Test
    void addAccount() {
        assertTrue(control("accounts?appid=wxnew&secret=s3").json().get("ok").asBoolean());
        assertTrue(classicToken("wxnew", "s3").length() >= 32);
        assertEquals(400, control("accounts?appid=wxnew").status());
    }

    @Test
    void accountState() {
        sim.registerMedia(APP, "m1");
        assertOk(apiPost("/cgi-bin/template/api_set_industry", token(), "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":8,\"second\":39,"
                + "\"certicates\":[{\"key\":\"licence\",\"value\":\"m1\"}]}]}"));
        clock.advance(Duration.ofMinutes(10));

        JsonNode state = get("/__sim/accounts/" + APP).json();
        assertEquals(APP, state.get("appid").asText());
        assertEquals(1, state.get("industry_id1").asInt());
        assertEquals(4, state.get("industry_id2").asInt());
        assertEquals(3, state.at("/categories/0/audit_status").asInt());
        assertEquals("m1", state.at("/categories/0/certicates/0/value").asText());
        assertEquals(4, state.get("quota").asInt());
        assertEquals(5, state.get("limit").asInt());
        assertEquals(20, state.get("category_limit").asInt());
        assertEquals("m1", state.at("/media_ids/0").asText());

        assertTrue(get("/__sim/accounts/" + OTHER_APP).json().get("industry_id1").isNull());
        assertEquals(404, get("/__sim/accounts/wxunknown").status());
    }

    @Test
    void mediaAndAuditOutcome() {
        control("media?appid=" + APP + "&media_id=m2");
        assertTrue(sim.account(APP).mediaIds().contains("m2"));

        control("audit-outcome?appid=" + APP + "&first=1&second=2&reject_reason=nope");
        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals("nope", sim.account(APP).category(1, 2).auditReason());
    }

    @Test
    void faultsBusyRateAndClear() {
        String token = token();
        JsonNode state = faults("{\"busyRate\":1.0,\"latencyMillis\":0}").json();
        assertEquals(1.0, state.get("busyRate").asDouble());
        assertError(-1, apiGet("/cgi-bin/wxopen/getcategory", token));

        faults("{\"clear\":true}");
        assertError(0, apiGet("/cgi-bin/wxopen/getcategory", token));
    }

    @Test
    void faultsFailNextHttpStatusRawBodyAndQuota() {
        String token = token();
        faults("{\"failNext\":{\"path\":\"/cgi-bin/wxopen/getcategory\",\"errcode\":40001,\"times\":1},"
                + "\"httpStatusNext\":{\"path\":\"/cgi-bin/wxopen/getcategory\",\"status\":502},"
                + "\"rawBodyNext\":[{\"path\":\"/cgi-bin/wxopen/getcategory\",\"contentType\":\"text/plain\",\"body\":\"oops\"}]}");
        assertError(40001, apiGet("/cgi-bin/wxopen/getcategory", token));
        assertEquals(502, apiGet("/cgi-bin/wxopen/getcategory", token).status());
        assertEquals("oops", apiGet("/cgi-bin/wxopen/getcategory", token).body());

        faults("{\"quotaExhausted\":{\"appid\":\"" + APP + "\",\"exhausted\":true}}");
        assertError(45009, apiGet("/cgi-bin/wxopen/getcategory", token));
        faults("{\"quotaExhausted\":{\"appid\":\"" + APP + "\",\"exhausted\":false}}");
        assertError(0, apiGet("/cgi-bin/wxopen/getcategory", token));
    }

    @Test
    void badControlRequests() {
        assertEquals(400, faults("not json").status());
        assertEquals(400, faults("{\"busyRate\":2}").status());
        assertEquals(404, get("/__sim/nothing").status());
        assertEquals(405, get("/__sim/reset").status());
        assertEquals(405, control("requests").status());
        assertEquals(0, sim.totalRequests());
    }
}
