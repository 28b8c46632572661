package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code tokenLifetime}: every kind of token lives that long, and stable pre-rotation keeps its proportion. */
class TokenLifetimeTest extends ComponentTestSupport {

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return super.configure(builder).tokenLifetime(Duration.ofSeconds(600));
    }

    @Test
    void everyKindOfTokenLivesTheConfiguredTime() {
        assertEquals(600, get("/cgi-bin/token?grant_type=client_credential&appid=" + APP + "&secret=" + SECRET)
                .json().get("expires_in").asInt());
        assertEquals(600, stableTokenCall(APP, SECRET, false).json().get("expires_in").asInt());
        assertEquals(600, componentTokenCall(COMPONENT, COMPONENT_SECRET, sim.issueVerifyTicket(COMPONENT))
                .json().get("expires_in").asInt());
        Answer authorizer = refresh(componentToken(), sim.authorize(COMPONENT, AUTHORIZER));
        assertEquals(600, authorizer.json().get("expires_in").asInt());

        clock.advance(Duration.ofSeconds(600));
        assertError(42001, apiGet(GETCATEGORY, accessToken(authorizer)));
    }

    @Test
    void stablePreRotationScalesWithTheLifetime() {
        String token = stableTokenCall(APP, SECRET, false).json().get("access_token").asText();
        clock.advance(Duration.ofSeconds(575)); // 25 s left: 600 * 300 / 7200
        assertEquals(token, stableTokenCall(APP, SECRET, false).json().get("access_token").asText());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(token, stableTokenCall(APP, SECRET, false).json().get("access_token").asText());
    }

    @Test
    void theLifetimeIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().tokenLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> WeChatSimulator.builder().tokenLifetime(null));
    }
}
