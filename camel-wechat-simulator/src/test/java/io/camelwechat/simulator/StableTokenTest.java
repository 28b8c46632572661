package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class StableTokenTest extends SimulatorTestSupport {

    private static final String GETCATEGORY = "/cgi-bin/wxopen/getcategory";

    private String stable(boolean force) {
        Answer answer = stableTokenCall(APP, SECRET, force);
        assertEquals(200, answer.status());
        return answer.json().path("access_token").asText(null);
    }

    @Test
    void normalModeIsIdempotentAndReportsTheRemainingLifetime() {
        Answer first = stableTokenCall(APP, SECRET, false);
        assertEquals(7200, first.json().get("expires_in").asInt());

        clock.advance(Duration.ofSeconds(1000));
        Answer second = stableTokenCall(APP, SECRET, false);

        assertEquals(first.json().get("access_token"), second.json().get("access_token"));
        assertEquals(6200, second.json().get("expires_in").asInt());
    }

    @Test
    void normalModeKeepsTheTokenWhileAtLeast300SecondsRemain() {
        String token = stable(false);
        clock.advance(Duration.ofSeconds(6900));

        Answer answer = stableTokenCall(APP, SECRET, false);
        assertEquals(token, answer.json().get("access_token").asText());
        assertEquals(300, answer.json().get("expires_in").asInt());
    }

    @Test
    void normalModePreRotatesBelow300SecondsAndTheOldTokenLivesOutItsExpiry() {
        String old = stable(false);
        clock.advance(Duration.ofSeconds(6901));

        Answer rotated = stableTokenCall(APP, SECRET, false);
        String fresh = rotated.json().get("access_token").asText();
        assertNotEquals(old, fresh);
        assertEquals(7200, rotated.json().get("expires_in").asInt());

        clock.advance(Duration.ofSeconds(298));
        assertError(0, apiGet(GETCATEGORY, old));
        clock.advance(Duration.ofSeconds(1));
        assertError(42001, apiGet(GETCATEGORY, old));
        assertError(0, apiGet(GETCATEGORY, fresh));
    }

    @Test
    void forceRefreshIssuesANewTokenAndInvalidatesThePreviousOneAtOnce() {
        String old = stable(false);
        String forced = stable(true);

        assertNotEquals(old, forced);
        assertError(40001, apiGet(GETCATEGORY, old));
        assertError(0, apiGet(GETCATEGORY, forced));
        assertEquals(forced, stable(false));
    }

    @Test
    void aForceRefreshWithin30SecondsOfTheLastOneRefreshesNothingAndAnswersTheCurrentToken() {
        String forced = stable(true);
        clock.advance(Duration.ofSeconds(29));

        Answer tooSoon = stableTokenCall(APP, SECRET, true);
        assertEquals(Integer.MIN_VALUE, tooSoon.errcode(), "not an error: " + tooSoon.body());
        assertEquals(forced, tooSoon.json().get("access_token").asText());
        assertEquals(7200 - 29, tooSoon.json().get("expires_in").asInt());
        assertError(0, apiGet(GETCATEGORY, forced));

        clock.advance(Duration.ofSeconds(1));
        Answer refreshed = stableTokenCall(APP, SECRET, true);
        assertNotEquals(forced, refreshed.json().get("access_token").asText());
        assertEquals(7200, refreshed.json().get("expires_in").asInt());
        assertError(40001, apiGet(GETCATEGORY, forced));
    }

    @Test
    void aForceRefreshThatRefreshedNothingDoesNotCountAgainstTheDailyLimit() {
        for (int i = 0; i < 19; i++) {
            stable(true);
            stable(true); // within 30 s: not a refresh
            clock.advance(Duration.ofSeconds(30));
        }
        String twentieth = stable(true);
        clock.advance(Duration.ofSeconds(30));
        assertError(45009, stableTokenCall(APP, SECRET, true));
        assertEquals(twentieth, stable(false));
    }

    @Test
    void forceRefreshIsLimitedTo20PerBeijingDay() {
        for (int i = 0; i < 20; i++) {
            assertEquals(7200, stableTokenCall(APP, SECRET, true).json().path("expires_in").asInt(), "refresh " + i);
            clock.advance(Duration.ofSeconds(30));
        }
        Answer exceeded = stableTokenCall(APP, SECRET, true);
        assertError(45009, exceeded);
        assertEquals("reach max api daily quota limit", exceeded.message());
        // the other account has its own allowance
        assertEquals(7200, stableTokenCall(OTHER_APP, OTHER_SECRET, true).json().path("expires_in").asInt());

        clock.set(START.plus(Duration.ofHours(16))); // 00:00 the next day in Beijing (START is 08:00)
        assertEquals(7200, stableTokenCall(APP, SECRET, true).json().path("expires_in").asInt());
    }

    @Test
    void stableAndClassicTokensAreIsolated() {
        String stable = stable(false);
        String classic = classicToken(APP, SECRET);
        classicToken(APP, SECRET);
        clock.advance(Duration.ofMinutes(6)); // the first classic token's overlap is over

        assertError(0, apiGet(GETCATEGORY, stable));
        String forced = stable(true);
        assertNotEquals(stable, forced);
        assertError(40001, apiGet(GETCATEGORY, classic));
        String latestClassic = classicToken(APP, SECRET);
        stable(true);
        // a stable force refresh never revokes a classic token
        clock.advance(Duration.ofSeconds(30));
        assertError(0, apiGet(GETCATEGORY, latestClassic));
    }

    @Test
    void javaApiReturnsTheSameTokenAsNormalMode() {
        String viaJava = sim.stableToken(APP);
        assertEquals(viaJava, stable(false));
        assertEquals(0, sim.requestCount("/cgi-bin/token"));
        assertEquals(1, sim.requestCount("/cgi-bin/stable_token"));
    }

    @Test
    void forceRefreshAcceptsAStringFlag() {
        String old = stable(false);
        Answer answer = postJson("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP
                + "\",\"secret\":\"" + SECRET + "\",\"force_refresh\":\"true\"}");
        assertNotEquals(old, answer.json().get("access_token").asText());
    }

    @Test
    void requestErrors() {
        assertError(43002, get("/cgi-bin/stable_token"));
        assertError(44002, postJson("/cgi-bin/stable_token", ""));
        assertError(47001, postJson("/cgi-bin/stable_token", "grant_type=client_credential"));
        assertError(40002, postJson("/cgi-bin/stable_token",
                "{\"grant_type\":\"x\",\"appid\":\"" + APP + "\",\"secret\":\"" + SECRET + "\"}"));
        assertError(41002, postJson("/cgi-bin/stable_token",
                "{\"grant_type\":\"client_credential\",\"secret\":\"" + SECRET + "\"}"));
        assertError(41004, postJson("/cgi-bin/stable_token",
                "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP + "\"}"));
        assertError(40013, stableTokenCall("wxunknown", SECRET, false));
        assertError(40125, stableTokenCall(APP, "wrong", false));
    }
}
