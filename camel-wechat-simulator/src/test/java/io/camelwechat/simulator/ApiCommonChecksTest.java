package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every WeChat API shares: token, method, body, unknown path. */
class ApiCommonChecksTest extends SimulatorTestSupport {

    private static final String GETCATEGORY = "/cgi-bin/wxopen/getcategory";
    private static final String ADDCATEGORY = "/cgi-bin/wxopen/addcategory";

    @Test
    void missingTokenIs41001() {
        Answer answer = get(GETCATEGORY);
        assertError(41001, answer);
        assertEquals("access_token missing", answer.message());
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
        assertEquals("require POST method", getOnPost.message());
        assertError(43001, apiPost(GETCATEGORY, token(), "{}"));
    }

    @Test
    void emptyPostBodyIs44002() {
        Answer answer = apiPost(ADDCATEGORY, token(), "");
        assertError(44002, answer);
        assertEquals("empty post data", answer.message());
    }

    @Test
    void invalidJsonIs47001() {
        Answer answer = apiPost(ADDCATEGORY, token(), "{\"categories\":[");
        assertError(47001, answer);
        assertEquals("data format error", answer.message());
        assertError(47001, apiPost(ADDCATEGORY, token(), "[1,2]"));
    }

    @Test
    void jsonFollowedByTrailingGarbageIs47001() {
        String valid = "{\"categories\":[{\"first\":1,\"second\":2}]}";
        for (String trailing : new String[] {"x", "}", "{}", ",", " ]"}) {
            assertError(47001, apiPost(ADDCATEGORY, token(), valid + trailing));
        }
        assertError(47001, apiPost("/cgi-bin/template/api_set_industry", token(),
                "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}garbage"));
        assertError(47001, postJson("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\"}#"));
        assertEquals(0, sim.account(APP).categories().size(), "nothing was added");
        assertOk(apiPost(ADDCATEGORY, token(), valid + " \r\n\t"));
    }

    @Test
    void unknownPathIs40066InvalidUrl() {
        Answer answer = apiGet("/cgi-bin/nothing/here", token());
        assertError(40066, answer);
        assertEquals("invalid url", answer.message());
        assertEquals(SimResponse.WECHAT_JSON, answer.contentType());
        assertError(40066, post("/cgi-bin/nothing/here", null, new byte[0])); // before any other check
        assertEquals(2, sim.requestCount("/cgi-bin/nothing/here"), "recorded like any call");
    }

    @Test
    void everyErrorEndsWithARidThatStartsWithTheTimeInHex() {
        Answer first = apiGet(GETCATEGORY, "not-a-token");
        assertEquals("invalid credential, access_token is invalid or not latest", first.message());
        assertEquals(Long.toHexString(START.getEpochSecond()), rid(first));

        clock.advance(Duration.ofSeconds(0x10));
        Answer later = apiGet(GETCATEGORY, "not-a-token");
        assertEquals(Long.toHexString(START.getEpochSecond() + 0x10), rid(later));
        assertNotEquals(first.errmsg(), later.errmsg(), "each answer has its own id");
    }

    @Test
    void successesCarryNoRid() {
        assertEquals("ok", apiGet(GETCATEGORY, token()).errmsg());
        assertOk(apiPost("/cgi-bin/template/api_set_industry", token(),
                "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
    }

    private static String rid(Answer answer) {
        java.util.regex.Matcher matcher = RID.matcher(answer.errmsg());
        assertTrue(matcher.find(), answer.errmsg());
        return matcher.group(1);
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
    void answersCarryWeChatsContentTypeWithEncodingNotCharset() {
        assertEquals("application/json; encoding=utf-8", apiGet(GETCATEGORY, token()).contentType());
        assertEquals("application/json; encoding=utf-8", apiGet(GETCATEGORY, "not-a-token").contentType());
        assertEquals("application/json; encoding=utf-8", stableTokenCall(APP, SECRET, false).contentType());
        assertEquals("application/json; charset=UTF-8", get("/__sim/counters").contentType(),
                "the control paths are not WeChat's");
    }
}
