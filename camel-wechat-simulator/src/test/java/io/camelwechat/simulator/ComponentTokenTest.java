package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** component_verify_ticket and {@code /cgi-bin/component/api_component_token}. */
class ComponentTokenTest extends ComponentTestSupport {

    @Test
    void aTicketYieldsAComponentTokenValidFor7200Seconds() {
        String ticket = sim.issueVerifyTicket(COMPONENT);
        assertTrue(ticket.startsWith("ticket@@@"), ticket);

        Answer answer = componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket);
        assertEquals(200, answer.status());
        assertEquals(7200, answer.json().get("expires_in").asInt());
        assertTrue(answer.json().get("component_access_token").asText().length() >= 32, answer.body());
        assertEquals(1, sim.requestCount(COMPONENT_TOKEN));
    }

    @Test
    void aTicketIsValidFor12HoursThenAnswers61005() {
        String ticket = sim.issueVerifyTicket(COMPONENT);

        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertTrue(componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket).json().has("component_access_token"));

        clock.advance(Duration.ofSeconds(1));
        Answer expired = componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket);
        assertError(61005, expired);
        assertEquals("component ticket is expired", expired.message());
    }

    @Test
    void aNewerTicketDoesNotInvalidateTheOlderOne() {
        String older = sim.issueVerifyTicket(COMPONENT);
        clock.advance(Duration.ofMinutes(10));
        String newer = sim.issueVerifyTicket(COMPONENT);
        assertNotEquals(older, newer);

        assertTrue(componentTokenCall(COMPONENT, COMPONENT_SECRET, older).json().has("component_access_token"));
        assertTrue(componentTokenCall(COMPONENT, COMPONENT_SECRET, newer).json().has("component_access_token"));
        clock.advance(Duration.ofHours(12).minusMinutes(10));
        assertError(61005, componentTokenCall(COMPONENT, COMPONENT_SECRET, older));
        assertTrue(componentTokenCall(COMPONENT, COMPONENT_SECRET, newer).json().has("component_access_token"));
    }

    @Test
    void unknownMissingOrForeignTicketsAre61006() {
        Answer unknown = componentTokenCall(COMPONENT, COMPONENT_SECRET, "ticket@@@never-issued");
        assertError(61006, unknown);
        assertEquals("component ticket is invalid", unknown.message());
        assertError(61006, postJson(COMPONENT_TOKEN, "{\"component_appid\":\"" + COMPONENT
                + "\",\"component_appsecret\":\"" + COMPONENT_SECRET + "\"}"));
        String foreign = sim.issueVerifyTicket(OTHER_COMPONENT);
        assertError(61006, componentTokenCall(COMPONENT, COMPONENT_SECRET, foreign));
    }

    @Test
    void parameterAndCredentialErrors() {
        String ticket = sim.issueVerifyTicket(COMPONENT);
        Answer noAppId = postJson(COMPONENT_TOKEN, "{\"component_appsecret\":\"" + COMPONENT_SECRET
                + "\",\"component_verify_ticket\":\"" + ticket + "\"}");
        assertError(41018, noAppId);
        assertEquals("missing component_appid", noAppId.message());
        Answer noSecret = postJson(COMPONENT_TOKEN, "{\"component_appid\":\"" + COMPONENT
                + "\",\"component_verify_ticket\":\"" + ticket + "\"}");
        assertError(41004, noSecret);
        assertEquals("appsecret missing", noSecret.message());
        Answer unknown = componentTokenCall("wxunknowncomponent", COMPONENT_SECRET, ticket);
        assertError(61011, unknown);
        assertEquals("invalid component", unknown.message());
        assertError(61011, componentTokenCall(APP, SECRET, ticket)); // an account is not a component
        Answer wrongSecret = componentTokenCall(COMPONENT, "nope", ticket);
        assertError(40125, wrongSecret);
        assertEquals("invalid appsecret", wrongSecret.message());
        assertError(47001, postJson(COMPONENT_TOKEN, "component_appid=" + COMPONENT));
        assertError(44002, postJson(COMPONENT_TOKEN, ""));
        assertError(43002, get(COMPONENT_TOKEN));
    }

    @Test
    void credentialsAreCheckedBeforeTheTicket() {
        assertError(40125, componentTokenCall(COMPONENT, "nope", "ticket@@@never-issued"));
    }

    @Test
    void quotaExhaustedComponentAnswers45009() {
        String ticket = sim.issueVerifyTicket(COMPONENT);
        sim.faults().quotaExhausted(COMPONENT, true);
        Answer exhausted = componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket);
        assertError(45009, exhausted);
        assertEquals("reach max api daily quota limit", exhausted.message());
        assertTrue(componentTokenCall(OTHER_COMPONENT, OTHER_COMPONENT_SECRET,
                sim.issueVerifyTicket(OTHER_COMPONENT)).json().has("component_access_token"));

        sim.faults().quotaExhausted(COMPONENT, false);
        assertTrue(componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket).json().has("component_access_token"));
    }

    @Test
    void aNewComponentTokenDoesNotInvalidateThePreviousOne() {
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        String first = componentToken();
        clock.advance(Duration.ofMinutes(30));
        String second = componentToken();
        assertNotEquals(first, second);

        refreshToken = refreshToken(refresh(first, refreshToken));
        refreshToken = refreshToken(refresh(second, refreshToken));
        clock.advance(Duration.ofMinutes(90)); // the first one reaches its 7200 s
        Answer expired = authorizerTokenCall(first, COMPONENT, AUTHORIZER, refreshToken);
        assertError(42001, expired);
        assertEquals("access_token expired", expired.message());
        refresh(second, refreshToken);
    }

    @Test
    void aComponentTokenIsNotAnAccessToken() {
        String componentToken = componentToken();
        Answer answer = apiGet(GETCATEGORY, componentToken);
        assertError(40001, answer);
        assertEquals("invalid credential, access_token is invalid or not latest", answer.message());
        clock.advance(Duration.ofHours(3));
        assertError(40001, apiGet(GETCATEGORY, componentToken)); // not 42001: it never was an access token
    }

    @Test
    void componentsAreRegisteredAtRunTimeAndKeepTheirTicketsOnANewSecret() {
        sim.addComponent("wxcomponent000003", "s3");
        String ticket = sim.issueVerifyTicket("wxcomponent000003");
        assertTrue(componentTokenCall("wxcomponent000003", "s3", ticket).json().has("component_access_token"));

        sim.addComponent("wxcomponent000003", "rotated");
        assertError(40125, componentTokenCall("wxcomponent000003", "s3", ticket));
        assertTrue(componentTokenCall("wxcomponent000003", "rotated", ticket).json().has("component_access_token"));
    }

    @Test
    void aComponentAskingForAnAccessTokenIs61024() {
        Answer classic = get("/cgi-bin/token?grant_type=client_credential&appid=" + COMPONENT + "&secret="
                + COMPONENT_SECRET);
        assertError(61024, classic);
        assertEquals("must use api(api_component_token) to get token for component acct", classic.message());
        assertError(61024, stableTokenCall(COMPONENT, COMPONENT_SECRET, false));
        assertError(61024, stableTokenCall(COMPONENT, "whatever", true));
        assertError(40013, stableTokenCall("wxnobody", "s", false)); // an unknown appid stays 40013
        assertEquals(0, sim.requestCount(COMPONENT_TOKEN));
    }

    @Test
    void componentsAreNotAccounts() {
        assertThrows(IllegalArgumentException.class, () -> sim.account(COMPONENT));
        assertThrows(IllegalArgumentException.class, () -> sim.issueVerifyTicket(APP));
        assertThrows(IllegalArgumentException.class, () -> sim.addComponent(COMPONENT, " "));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().component("", "s"));
    }
}
