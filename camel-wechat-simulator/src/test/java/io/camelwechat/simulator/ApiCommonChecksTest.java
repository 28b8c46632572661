package io.camelwechat.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checks every WeChat API shares: token, method, body, unknown path. */
class ApiCommonChecksTest extends SimulatorTestSupport {

    private static final String GETCATEGORY = "/cgi-bin/wxopen/getcategory";
    private static final String ADDCATEGORY = "/cgi-bin/wxopen/addcategory";

    @Test
    void missingTokenIs41001() {
        Answer answer = get(GETCATEGORY);
        assertError(41001, answer);
        assertEquals("access_token missing", answer.errmsg());
        assertError(41001, get(GETCATEGORY + "?access_token="));
    }

    @Test
    void unknownTokenIs40001() {
        assertError(40001, apiGet(GETCATEGORY, "not-a-token"));
    }

    @Test
    void tokenInTheBodyDoesNotCount() {
        assertError(41001, postJson(ADDCATEGORY, "{\"access_token\":\"" + token() + "\"}"));
    }

    @Test
    void expiredTokenIs42001() {
        String token = token();
        clock.advance(Duration.ofHours(2));
        assertError(42001, apiGet(GETCATEGORY, token));
    }

    @Test
    void wrongMethodIs43001Or43002() {
        Answer getOnPost = apiGet(ADDCATEGORY, token());
        assertError(43002, getOnPost);
        assertEquals("require POST method", getOnPost.errmsg());
        assertError(43001, apiPost(GETCATEGORY, token(), "{}"));
    }

    @Test
    void emptyPostBodyIs44002() {
        Answer answer = apiPost(ADDCATEGORY, token(), "");
        assertError(44002, answer);
        assertEquals("empty post data", answer.errmsg());
    }

    @Test
    void invalidJsonIs47001() {
        Answer answer = apiPost(ADDCATEGORY, token(), "{\"categories\":[");
        assertError(47001, answer);
        assertEquals("data format error", answer.errmsg());
        assertError(47001, apiPost(ADDCATEGORY, token(), "[1,2]"));
    }

    @Test
    void unknownPathIsHttp404() {
        assertEquals(404, apiGet("/cgi-bin/nothing/here", token()).status());
    }

    @Test
    void aTokenActsOnlyForItsOwnAccount() {
        assertOk(apiPost("/cgi-bin/template/api_set_industry", token(),
                "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        String otherToken = sim.stableToken(OTHER_APP);
        assertEquals(0, apiGet("/cgi-bin/template/get_industry", otherToken).json().get("primary_industry").size());
        assertEquals(1, sim.account(APP).industryId1());
        assertEquals(null, sim.account(OTHER_APP).industryId1());
    }

    @Test
    void answersAreJsonUtf8() {
        assertEquals("application/json; charset=UTF-8", apiGet(GETCATEGORY, token()).contentType());
    }
}
