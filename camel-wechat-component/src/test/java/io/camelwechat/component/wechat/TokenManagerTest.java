package io.camelwechat.component.wechat;

import java.time.Duration;
import java.util.List;

import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.WeChatAck;
import io.camelwechat.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token manager against the simulator: WeChat counts the fetches; time moves by ticker and clock. */
class TokenManagerTest extends WeChatTestSupport {

    private static final String LIST = "wechat:category?op=list";
    private static final String LIST_PATH = "/cgi-bin/wxopen/getcategory";
    private static final String STABLE_PATH = "/cgi-bin/stable_token";

    @Override
    protected WeChatComponent newComponent() {
        WeChatComponent component = super.newComponent();
        component.getConfiguration().setBusyRetryDelay(1);
        component.setMaxConnections(64);
        return component;
    }

    @Test
    void singleFlight_200RacingCallersOnAColdCache_oneTokenFetch() throws Exception {
        List<Object> answers = Race.concurrently(200, 200, () -> template.requestBody(LIST, (Object) null));

        answers.forEach(answer -> assertInstanceOf(SettingCategories.class, answer));
        assertEquals(1, simulator.requestCount(STABLE_PATH));
        assertEquals(200, simulator.requestCount(LIST_PATH));
    }

    @Test
    void refreshAhead_pastTheRefreshPoint_callersUseTheValidTokenWhileTheNextIsFetchedInTheBackground()
            throws Exception {
        template.requestBody(LIST, (Object) null);
        String first = lastTokenSentTo(LIST_PATH);
        // both clocks pass the refresh point (5 minutes before expiry); WeChat pre-rotates its stable token then
        ticker.advance(Duration.ofSeconds(7200 - 290));
        simulator.clock().advance(Duration.ofSeconds(7200 - 290));

        template.requestBody(LIST, (Object) null);
        assertEquals(first, lastTokenSentTo(LIST_PATH), "the caller was not made to wait for the new token");

        awaitCondition(() -> stats().backgroundRefreshes() == 1);
        template.requestBody(LIST, (Object) null);
        assertNotEquals(first, lastTokenSentTo(LIST_PATH), "the next caller gets the refreshed token");
        assertEquals(2, simulator.requestCount(STABLE_PATH));
        assertEquals(1, stats().fetches(), "only the very first fetch made a caller wait");
    }

    @Test
    void staleTokenStorm_1000CallsFailingWithTheSameToken_oneRefetch() throws Exception {
        template.requestBody(LIST, (Object) null);
        forceRefreshAsAnotherNode(); // ends the token every cached call is about to use

        List<Object> answers = Race.concurrently(1000, 32, () -> template.requestBody(LIST, (Object) null));

        answers.forEach(answer -> assertInstanceOf(SettingCategories.class, answer));
        assertEquals(3, simulator.requestCount(STABLE_PATH), "ours, the other node's forced one, one refetch");
        assertEquals(1, stats().invalidations());
        assertEquals(1, simulator.requests().stream()
                .filter(request -> request.bodyText().contains("\"force_refresh\":true")).count(),
                "only the other node forced a refresh: the component never does by itself");
    }

    @Test
    void sameTokenComesBack_withAllowForceRefresh_forcesOnceWithinWeChatsLimits() {
        String uri = LIST + "&allowForceRefresh=true";
        template.requestBody(uri, (Object) null);
        simulator.faults().failNext(LIST_PATH, 40001, 1);

        assertInstanceOf(SettingCategories.class, template.requestBody(uri, (Object) null));
        assertEquals(1, requestsTo(STABLE_PATH).stream()
                .filter(request -> request.bodyText().contains("\"force_refresh\":true")).count());
        assertEquals(1, stats().forcedRefreshes());

        simulator.faults().failNext(LIST_PATH, 40001, 1);
        WeChatApiException refused = sendExpecting(WeChatApiException.class, uri, null);
        assertTrue(refused.getMessage().contains("the last forced refresh was less than 30 s ago"),
                refused.getMessage());
    }

    @Test
    void quotaExhausted_opensTheAccountsCircuit_callsFailAtOnceUntilTheCooldownEnds() {
        template.requestBody(LIST, (Object) null);
        simulator.faults().quotaExhausted(APP_ID, true);

        WeChatApiException exhausted = sendExpecting(WeChatApiException.class, LIST, null);
        assertEquals(45009, exhausted.getErrcode());
        int callsSoFar = simulator.totalRequests();

        WeChatApiException failFast = sendExpecting(WeChatApiException.class, LIST, null);
        assertEquals(45009, failFast.getErrcode());
        assertTrue(failFast.getMessage().contains("quota of " + APP_ID + " exhausted; no call is made until it is "
                                                  + "tried again in 60 s"), failFast.getMessage());
        assertEquals(callsSoFar, simulator.totalRequests(), "no call reached WeChat while the circuit is open");

        simulator.faults().quotaExhausted(APP_ID, false);
        ticker.advance(Duration.ofSeconds(61));
        assertInstanceOf(SettingCategories.class, template.requestBody(LIST, (Object) null));
        assertTrue(component().engine().openQuotaCircuits().isEmpty(), "closed again");
    }

    @Test
    void frequencyLimit45011_alsoOpensTheCircuit_withItsOwnErrcode() {
        template.requestBody(LIST, (Object) null);
        simulator.faults().failNext(LIST_PATH, 45011, 1);

        assertEquals(45011, sendExpecting(WeChatApiException.class, LIST, null).getErrcode());
        int callsSoFar = simulator.totalRequests();
        assertEquals(45011, sendExpecting(WeChatApiException.class, LIST, null).getErrcode());
        assertEquals(callsSoFar, simulator.totalRequests());
    }

    @Test
    void quotaExhaustedOnTheTokenFetch_opensTheCircuitToo() {
        simulator.faults().quotaExhausted(APP_ID, true);

        sendExpecting(WeChatApiException.class, LIST, null);
        int callsSoFar = simulator.totalRequests();
        WeChatApiException failFast = sendExpecting(WeChatApiException.class, LIST, null);

        assertTrue(failFast.getMessage().contains("no call is made"), failFast.getMessage());
        assertEquals(callsSoFar, simulator.totalRequests());
        assertEquals(1, simulator.requestCount(STABLE_PATH));
    }

    @Test
    void afterTheCooldown_oneProbeGoesThrough_andAStillExhaustedQuotaReopens() throws Exception {
        template.requestBody(LIST, (Object) null);
        simulator.faults().quotaExhausted(APP_ID, true);
        sendExpecting(WeChatApiException.class, LIST, null);
        ticker.advance(Duration.ofSeconds(61));
        int before = simulator.requestCount(LIST_PATH);

        // 20 callers at once after the cooldown: one probe reaches WeChat, the others fail at once
        List<Exchange> results = Race.concurrently(20, 20, () -> send(LIST, null));

        assertEquals(before + 1, simulator.requestCount(LIST_PATH));
        assertTrue(results.stream().allMatch(exchange -> exchange.getException() instanceof WeChatApiException));
        assertEquals(Duration.ofSeconds(60), component().engine().openQuotaCircuits().get(APP_ID),
                "the probe found the quota still exhausted: open again for a full cooldown");
    }

    @Test
    void systemBusy_readsAreRetriedWithBackoff() {
        simulator.faults().failNext(LIST_PATH, -1, 2);

        assertInstanceOf(SettingCategories.class, template.requestBody(LIST, (Object) null));
        assertEquals(3, simulator.requestCount(LIST_PATH));
        assertEquals(2, stats().busyRetries());

        simulator.faults().failNext(LIST_PATH, -1, 4);
        WeChatApiException stillBusy = sendExpecting(WeChatApiException.class, LIST, null);
        assertEquals(-1, stillBusy.getErrcode(), "after busyRetries the busy answer surfaces with its errcode");
        assertEquals(3 + 4, simulator.requestCount(LIST_PATH), "one call and three retries");
    }

    @Test
    void systemBusy_writesAreNotRetriedUnlessAllowed() {
        simulator.faults().failNext("/cgi-bin/wxopen/addcategory", -1, 1);
        assertEquals(-1, sendExpecting(WeChatApiException.class, "wechat:category?op=add", CategoryRequest.of(1, 2))
                .getErrcode());
        assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/addcategory"));

        simulator.faults().failNext("/cgi-bin/wxopen/addcategory", -1, 1);
        Exchange retried = send("wechat:category?op=add&retryWrites=true", CategoryRequest.of(1, 2));
        assertInstanceOf(WeChatAck.class, retried.getMessage().getBody());
        assertEquals(3, simulator.requestCount("/cgi-bin/wxopen/addcategory"));
    }

    private TokenStatistics.Snapshot stats() {
        return component().engine().tokenStatistics(APP_ID);
    }

    private String lastTokenSentTo(String path) {
        List<RecordedRequest> requests = requestsTo(path);
        return requests.get(requests.size() - 1).query().get("access_token");
    }
}
