package io.camelwechat.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log keeps only the most recent requests; the counters count all of them. */
class RequestLogLimitTest extends SimulatorTestSupport {

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.requestLogLimit(2);
    }

    @Test
    void keepsTheMostRecentRequests() {
        get("/cgi-bin/a");
        get("/cgi-bin/b");
        get("/cgi-bin/c");

        List<RecordedRequest> requests = sim.requests();
        assertEquals(List.of("/cgi-bin/b", "/cgi-bin/c"), requests.stream().map(RecordedRequest::path).toList());
        assertEquals(3, sim.totalRequests());
    }
}
