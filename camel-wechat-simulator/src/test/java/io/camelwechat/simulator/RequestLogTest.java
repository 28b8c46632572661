package io.camelwechat.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest extends SimulatorTestSupport {

    private static final String SET = "/cgi-bin/template/api_set_industry";

    @Test
    void recordsEachRequestInArrivalOrderWithItsDetails() {
        String token = token();
        clock.advance(Duration.ofSeconds(5));
        apiPost(SET, token, "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}");
        get("/cgi-bin/wxopen/getcategory?access_token=" + token + "&note=a%20b&note=second");

        List<RecordedRequest> requests = sim.requests();
        assertEquals(2, requests.size());
        RecordedRequest set = requests.get(0);
        assertEquals("POST", set.method());
        assertEquals(SET, set.path());
        assertEquals(token, set.query().get("access_token"));
        assertEquals("application/json", set.contentType());
        assertEquals(List.of("application/json"), set.headers().get("content-type"));
        assertEquals("{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}", set.bodyText());
        assertArrayEquals(set.bodyText().getBytes(), set.body());
        assertEquals(START.plusSeconds(5), set.at());

        RecordedRequest list = requests.get(1);
        assertEquals("GET", list.method());
        assertEquals("a b", list.query().get("note"), "decoded, first value wins");
        assertEquals(0, list.body().length);
        assertTrue(list.headers().keySet().stream().allMatch(name -> name.equals(name.toLowerCase())));
    }

    @Test
    void countsPerPathAndInTotal() {
        String token = token();
        apiGet("/cgi-bin/wxopen/getcategory", token);
        apiGet("/cgi-bin/wxopen/getcategory", token);
        apiGet("/cgi-bin/template/get_industry", token);
        get("/cgi-bin/unknown");

        assertEquals(2, sim.requestCount("/cgi-bin/wxopen/getcategory"));
        assertEquals(1, sim.requestCount("/cgi-bin/template/get_industry"));
        assertEquals(1, sim.requestCount("/cgi-bin/unknown"));
        assertEquals(0, sim.requestCount("/cgi-bin/wxopen/addcategory"));
        assertEquals(4, sim.totalRequests());
        assertEquals(Map.of("/cgi-bin/wxopen/getcategory", 2, "/cgi-bin/template/get_industry", 1,
                "/cgi-bin/unknown", 1), sim.requestCounts());
    }

    @Test
    void controlPathsAreNeitherRecordedNorCounted() {
        get("/__sim/counters");
        post("/__sim/clock/advance?seconds=1", null, new byte[0]);
        assertEquals(0, sim.totalRequests());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void clearEmptiesTheLogAndTheCounters() {
        apiGet("/cgi-bin/wxopen/getcategory", token());
        sim.clearRequests();
        assertEquals(0, sim.totalRequests());
        assertEquals(0, sim.requestCount("/cgi-bin/wxopen/getcategory"));
        assertTrue(sim.requests().isEmpty());
        assertTrue(sim.requestCounts().isEmpty());
    }

    @Test
    void toStringLeavesOutQueryAndBody() {
        String token = token();
        apiGet("/cgi-bin/wxopen/getcategory", token);
        String text = sim.requests().get(0).toString();
        assertFalse(text.contains(token), text);
        assertTrue(text.contains("/cgi-bin/wxopen/getcategory"), text);
    }
}
