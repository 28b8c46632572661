package io.camelwechat.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassicTokenTest extends SimulatorTestSupport {

    private static final String GETCATEGORY = "/cgi-bin/wxopen/getcategory";

    @Test
    void fetchIssuesAnOpaqueTokenValidFor7200Seconds() {
        Answer answer = get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET);

        assertEquals(200, answer.status());
        assertEquals(7200, answer.json().get("expires_in").asInt());
        String token = answer.json().get("access_token").asText();
        assertTrue(token.length() >= 32, token);
        assertError(0, apiGet(GETCATEGORY, token));
    }

    @Test
    void everyFetchIssuesANewToken() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(classicToken(APP, SECRET));
        }
        assertEquals(5, tokens.size());
    }

    @Test
    void previousTokenStaysValidForFiveMinutesAfterANewFetch() {
        String first = classicToken(APP, SECRET);
        String second = classicToken(APP, SECRET);

        clock.advance(Duration.ofMinutes(4));
        assertError(0, apiGet(GETCATEGORY, first));

        clock.advance(Duration.ofMinutes(2));
        Answer replaced = apiGet(GETCATEGORY, first);
        assertError(40001, replaced);
        assertEquals("invalid credential, access_token is invalid or not latest", replaced.message());
        assertError(0, apiGet(GETCATEGORY, second));
    }

    @Test
    void tokenExpiresAfter7200Seconds() {
        String token = classicToken(APP, SECRET);

        clock.advance(Duration.ofSeconds(7199));
        assertError(0, apiGet(GETCATEGORY, token));

        clock.advance(Duration.ofSeconds(1));
        Answer expired = apiGet(GETCATEGORY, token);
        assertError(42001, expired);
        assertEquals("access_token expired", expired.message());
    }

    @Test
    void tokenNearItsNaturalEndExpiresRatherThanBeingReplaced() {
        String old = classicToken(APP, SECRET);
        clock.advance(Duration.ofSeconds(7100));
        classicToken(APP, SECRET); // the overlap would reach past the old token's own expiry

        clock.advance(Duration.ofSeconds(100));
        assertError(42001, apiGet(GETCATEGORY, old));
        clock.advance(Duration.ofMinutes(5)); // past the end of the overlap too: still "expired"
        assertError(42001, apiGet(GETCATEGORY, old));
    }

    @Test
    void tokensOfTwoAccountsAreIndependent() {
        String mine = classicToken(APP, SECRET);
        classicToken(OTHER_APP, OTHER_SECRET);
        clock.advance(Duration.ofMinutes(10));
        assertError(0, apiGet(GETCATEGORY, mine));
    }

    @Test
    void parameterAndCredentialErrors() {
        String base = "/cgi-bin/token?";
        assertError(40002, get(base + "appid=" + APP + "&secret=" + SECRET));
        assertError(40002, get(base + "grant_type=password&appid=" + APP + "&secret=" + SECRET));
        assertError(41002, get(base + "grant_type=client_credential&secret=" + SECRET));
        assertError(41004, get(base + "grant_type=client_credential&appid=" + APP));
        assertError(40013, get(base + "grant_type=client_credential&appid=wxunknown&secret=" + SECRET));
        Answer wrongSecret = get(base + "grant_type=client_credential&appid=" + APP + "&secret=nope");
        assertError(40125, wrongSecret);
        assertEquals("invalid appsecret", wrongSecret.message());
    }

    @Test
    void postIsRejectedWith43001() {
        Answer answer = postJson("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET, "{}");
        assertError(43001, answer);
        assertEquals("require GET method", answer.message());
    }

    @Test
    void aDifferentSecretRegisteredLaterReplacesTheOldOne() {
        sim.addAccount(APP, "rotated");
        assertError(40125, get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET));
        assertNotEquals(null, classicToken(APP, "rotated"));
    }
}
