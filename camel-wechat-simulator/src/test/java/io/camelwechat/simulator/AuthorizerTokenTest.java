package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authorization and {@code /cgi-bin/component/api_authorizer_token}. */
class AuthorizerTokenTest extends ComponentTestSupport {

    private static final String ADDCATEGORY = CategoryApiTest.ADD;

    @Test
    void theWholeChainActsOnTheAuthorizersAccount() {
        String ticket = sim.issueVerifyTicket(COMPONENT);
        String componentToken = componentTokenCall(COMPONENT, COMPONENT_SECRET, ticket)
                .json().get("component_access_token").asText();
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);

        Answer answer = refresh(componentToken, refreshToken);
        assertEquals(7200, answer.json().get("expires_in").asInt());
        String accessToken = accessToken(answer);
        assertTrue(accessToken.length() >= 32, answer.body());

        assertOk(apiPost(ADDCATEGORY, accessToken, "{\"categories\":[{\"first\":1,\"second\":2}]}"));
        Answer listed = apiGet(GETCATEGORY, accessToken);
        assertEquals(1, listed.json().at("/categories/0/first").asInt());
        assertEquals(4, listed.json().get("quota").asInt());
        assertEquals(1, sim.account(AUTHORIZER).categories().size());
        assertTrue(sim.account(APP).categories().isEmpty(), "other accounts are untouched");

        clock.advance(Duration.ofMinutes(10));
        assertEquals(CategoryState.APPROVED, sim.account(AUTHORIZER).category(1, 2).auditStatus());
        assertEquals(1, sim.requestCount(COMPONENT_TOKEN));
        assertEquals(1, sim.requestCount(AUTHORIZER_TOKEN));
    }

    @Test
    void aRefreshAnswersTheRefreshTokenItWasGiven() {
        String componentToken = componentToken();
        String initial = sim.authorize(COMPONENT, AUTHORIZER);

        Answer first = refresh(componentToken, initial);
        assertEquals(initial, refreshToken(first));
        clock.advance(Duration.ofDays(30));
        Answer second = refresh(componentToken(), initial);
        assertEquals(initial, refreshToken(second), "and keeps doing so: refresh tokens do not expire");
        assertNotEquals(accessToken(first), accessToken(second));
        assertEquals(initial, sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER));
        assertFalse(sim.faults().rotatesAuthorizerRefreshTokens());
    }

    @Test
    void withTheRotationFaultEveryRefreshRotatesTheRefreshToken() {
        String componentToken = componentToken();
        String initial = sim.authorize(COMPONENT, AUTHORIZER);
        sim.faults().rotateAuthorizerRefreshTokens(true);

        Answer first = refresh(componentToken, initial);
        String rotated = refreshToken(first);
        assertNotEquals(initial, rotated);
        assertEquals(rotated, sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER));
        Answer second = refresh(componentToken, rotated);
        assertNotEquals(rotated, refreshToken(second));
        assertNotEquals(accessToken(first), accessToken(second));

        sim.faults().rotateAuthorizerRefreshTokens(false);
        String newest = refreshToken(second);
        assertEquals(newest, refreshToken(refresh(componentToken, newest)), "off again: no more rotation");
    }

    @Test
    void aRotatedOutRefreshTokenStaysValidForFiveMinutes() {
        String componentToken = componentToken();
        String old = sim.authorize(COMPONENT, AUTHORIZER);
        sim.faults().rotateAuthorizerRefreshTokens(true);
        String rotated = refreshToken(refresh(componentToken, old));

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        Answer stillValid = authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, old);
        assertTrue(stillValid.json().has("authorizer_access_token"), stillValid.body());

        clock.advance(Duration.ofSeconds(1));
        Answer answer = authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, old);
        assertError(61023, answer);
        assertEquals("refresh_token is invalid", answer.message());
        refresh(componentToken, rotated);
    }

    @Test
    void theRotationFaultIsClearedWithTheOthers() {
        sim.faults().rotateAuthorizerRefreshTokens(true).clear();
        assertFalse(sim.faults().rotatesAuthorizerRefreshTokens());
    }

    @Test
    void unknownMissingOrForeignRefreshTokensAre61023() {
        String componentToken = componentToken();
        String mine = sim.authorize(COMPONENT, AUTHORIZER);
        String others = sim.authorize(COMPONENT, APP);

        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, "never-issued"));
        assertError(61023, postJson(AUTHORIZER_TOKEN + "?component_access_token=" + componentToken,
                "{\"component_appid\":\"" + COMPONENT + "\",\"authorizer_appid\":\"" + AUTHORIZER + "\"}"));
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, others));
        refresh(componentToken, mine);
    }

    @Test
    void anAccountThatNeverAuthorizedTheComponentIs61003() {
        String componentToken = componentToken();
        String mine = sim.authorize(COMPONENT, AUTHORIZER);

        Answer never = authorizerTokenCall(componentToken, COMPONENT, OTHER_APP, mine);
        assertError(61003, never);
        assertEquals("component is not authorized by this account", never.message());
        assertError(61003, authorizerTokenCall(componentToken, COMPONENT, "wxnosuchaccount", mine));
        String viaOther = sim.authorize(OTHER_COMPONENT, OTHER_APP);
        // authorizing another platform does not count
        assertError(61003, authorizerTokenCall(componentToken, COMPONENT, OTHER_APP, viaOther));
    }

    @Test
    void revocationEndsRefreshAndAuthorizerTokens() {
        String componentToken = componentToken();
        Answer answer = refresh(componentToken, sim.authorize(COMPONENT, AUTHORIZER));
        String refreshToken = refreshToken(answer);

        sim.revokeAuthorization(COMPONENT, AUTHORIZER);
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken));
        assertError(40001, apiGet(GETCATEGORY, accessToken(answer)));
        assertNull(sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER));
        sim.revokeAuthorization(COMPONENT, AUTHORIZER); // a no-op the second time

        String renewed = sim.authorize(COMPONENT, AUTHORIZER);
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken));
        assertError(0, apiGet(GETCATEGORY, accessToken(refresh(componentToken, renewed))));
    }

    @Test
    void reauthorizingInvalidatesEarlierRefreshTokensAtOnce() {
        String componentToken = componentToken();
        String first = sim.authorize(COMPONENT, AUTHORIZER);
        String second = sim.authorize(COMPONENT, AUTHORIZER);
        assertNotEquals(first, second);
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, first));
        refresh(componentToken, second);
    }

    @Test
    void revocationOnlyAffectsThatComponent() {
        String componentToken = componentToken();
        String otherComponentToken = componentTokenCall(OTHER_COMPONENT, OTHER_COMPONENT_SECRET,
                sim.issueVerifyTicket(OTHER_COMPONENT)).json().get("component_access_token").asText();
        String mine = sim.authorize(COMPONENT, AUTHORIZER);
        String viaOther = accessToken(authorizerTokenCall(otherComponentToken, OTHER_COMPONENT, AUTHORIZER,
                sim.authorize(OTHER_COMPONENT, AUTHORIZER)));

        sim.revokeAuthorization(OTHER_COMPONENT, AUTHORIZER);
        assertError(40001, apiGet(GETCATEGORY, viaOther));
        assertError(0, apiGet(GETCATEGORY, accessToken(refresh(componentToken, mine))));
    }

    @Test
    void componentTokenErrors() {
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        String body = "{\"component_appid\":\"" + COMPONENT + "\",\"authorizer_appid\":\"" + AUTHORIZER
                + "\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}";

        Answer missing = postJson(AUTHORIZER_TOKEN, body);
        assertError(41001, missing);
        assertEquals("access_token missing", missing.message());
        assertError(40001, authorizerTokenCall("not-a-token", COMPONENT, AUTHORIZER, refreshToken));
        Answer accountToken = authorizerTokenCall(token(), COMPONENT, AUTHORIZER, refreshToken);
        assertError(61014, accountToken);
        assertEquals("must use component token for component api", accountToken.message());

        String componentToken = componentToken();
        String authorizerToken = accessToken(refresh(componentToken, refreshToken));
        String current = sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER);
        assertError(61014, authorizerTokenCall(authorizerToken, COMPONENT, AUTHORIZER, current));

        clock.advance(Duration.ofSeconds(7200));
        assertError(42001, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, current));
    }

    @Test
    void theComponentTokenMayComeAsAccessToken() {
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        Answer answer = postJson(AUTHORIZER_TOKEN + "?access_token=" + componentToken(),
                "{\"component_appid\":\"" + COMPONENT + "\",\"authorizer_appid\":\"" + AUTHORIZER
                        + "\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}");
        assertTrue(answer.json().has("authorizer_access_token"), answer.body());
    }

    @Test
    void bodyErrors() {
        String componentToken = componentToken();
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        sim.faults().rotateAuthorizerRefreshTokens(true); // so that a wrongly accepted call would show
        String path = AUTHORIZER_TOKEN + "?component_access_token=" + componentToken;

        Answer wrongComponent = authorizerTokenCall(componentToken, OTHER_COMPONENT, AUTHORIZER, refreshToken);
        assertError(61011, wrongComponent);
        assertEquals("invalid component", wrongComponent.message());
        assertError(61011, authorizerTokenCall(componentToken, "wxnosuchcomponent", AUTHORIZER, refreshToken));
        Answer noComponent = postJson(path, "{\"authorizer_appid\":\"" + AUTHORIZER
                + "\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}");
        assertError(41018, noComponent);
        assertEquals("missing component_appid", noComponent.message());
        assertError(41002, postJson(path, "{\"component_appid\":\"" + COMPONENT
                + "\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}"));
        assertError(47001, postJson(path, "[]"));
        assertError(44002, postJson(path, " "));
        assertError(43002, get(path));
        assertEquals(refreshToken, sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER), "no error rotates");
    }

    @Test
    void authorizerTokensExpireAndANewerOneDoesNotCutOffTheOlder() {
        String componentToken = componentToken();
        Answer first = refresh(componentToken, sim.authorize(COMPONENT, AUTHORIZER));
        clock.advance(Duration.ofMinutes(30));
        String newerComponentToken = componentToken();
        Answer second = refresh(newerComponentToken, refreshToken(first));

        clock.advance(Duration.ofMinutes(89));
        assertError(0, apiGet(GETCATEGORY, accessToken(first)));
        clock.advance(Duration.ofMinutes(1));
        Answer expired = apiGet(GETCATEGORY, accessToken(first));
        assertError(42001, expired);
        assertError(0, apiGet(GETCATEGORY, accessToken(second)));
    }

    @Test
    void quotaOfTheComponentOrTheAuthorizerAnswers45009() {
        String componentToken = componentToken();
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        String accessToken = accessToken(refresh(componentToken, refreshToken));
        refreshToken = sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER);

        sim.faults().quotaExhausted(COMPONENT, true);
        assertError(45009, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken));
        assertError(0, apiGet(GETCATEGORY, accessToken)); // the authorizer's own calls are not affected
        sim.faults().quotaExhausted(COMPONENT, false);

        sim.faults().quotaExhausted(AUTHORIZER, true);
        assertError(45009, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken));
        assertError(45009, apiGet(GETCATEGORY, accessToken));
        sim.faults().quotaExhausted(AUTHORIZER, false);
        refresh(componentToken, refreshToken);
    }

    @Test
    void authorizerAccountsNeedNoSecretAndExistingAccountsKeepTheirs() {
        sim.authorize(COMPONENT, AUTHORIZER);
        assertEquals(AUTHORIZER, sim.account(AUTHORIZER).appId());
        assertError(40125, get("/cgi-bin/token?grant_type=client_credential&appid=" + AUTHORIZER + "&secret=x"));

        assertOk(apiPost("/cgi-bin/template/api_set_industry", token(),
                "{\"industry_id1\":\"1\",\"industry_id2\":\"4\"}"));
        String refreshToken = sim.authorize(COMPONENT, APP);
        String viaComponent = accessToken(authorizerTokenCall(componentToken(), COMPONENT, APP, refreshToken));
        assertEquals("IT科技", apiGet("/cgi-bin/template/get_industry", viaComponent)
                .json().at("/primary_industry/first_class").asText());
        assertTrue(classicToken(APP, SECRET).length() >= 32, "the account keeps its own secret");
    }

    @Test
    void failNextHitsTheComponentEndpointsOnlyWhenNamed() {
        String componentToken = componentToken();
        String refreshToken = sim.authorize(COMPONENT, AUTHORIZER);
        sim.faults().rotateAuthorizerRefreshTokens(true);

        sim.faults().failNext(AUTHORIZER_TOKEN, 61023, 1);
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken));
        assertEquals(refreshToken, sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER),
                "a faulted call rotates nothing");

        sim.faults().failNext(COMPONENT_TOKEN, 45011, 1);
        assertError(45011, componentTokenCall(COMPONENT, COMPONENT_SECRET, sim.issueVerifyTicket(COMPONENT)));

        sim.faults().failNext(null, -1, 1).busyRate(1.0);
        String accessToken = accessToken(refresh(componentToken(), refreshToken));
        sim.faults().busyRate(0);
        assertError(-1, apiGet(GETCATEGORY, accessToken));
        assertError(0, apiGet(GETCATEGORY, accessToken));
    }

    @Test
    void javaApiRejectsUnknownComponentsAndAuthorizations() {
        assertThrows(IllegalArgumentException.class, () -> sim.authorize("wxunknown", AUTHORIZER));
        assertThrows(IllegalArgumentException.class, () -> sim.authorize(COMPONENT, " "));
        assertThrows(IllegalArgumentException.class, () -> sim.revokeAuthorization(COMPONENT, AUTHORIZER));
        assertThrows(IllegalArgumentException.class, () -> sim.currentAuthorizerRefreshToken(COMPONENT, AUTHORIZER));
        assertThrows(IllegalArgumentException.class, () -> sim.account(AUTHORIZER));
    }
}
