package io.camelwechat.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /__sim/components control paths. */
class ComponentControlPathsTest extends ComponentTestSupport {

    private Answer control(String pathAndQuery) {
        return post("/__sim/" + pathAndQuery, null, new byte[0]);
    }

    private int statusOf(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__sim/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void addComponentAndIssueATicket() {
        assertTrue(control("components?component_appid=wxcomponent000003&secret=s3").json().get("ok").asBoolean());
        String ticket = control("components/wxcomponent000003/verify-ticket").json()
                .get("component_verify_ticket").asText();
        assertTrue(componentTokenCall("wxcomponent000003", "s3", ticket).json().has("component_access_token"));

        assertEquals(400, control("components?component_appid=wxcomponent000004").status());
        assertEquals(404, control("components/wxunknown/verify-ticket").status());
        assertEquals(405, get("/__sim/components").status());
        assertEquals(405, get("/__sim/components/" + COMPONENT + "/verify-ticket").status());
        assertEquals(0, sim.totalRequests() - sim.requestCount(COMPONENT_TOKEN), "control paths are not recorded");
    }

    @Test
    void authorizeReadAndRevoke() throws Exception {
        String path = "components/" + COMPONENT + "/authorizers/" + AUTHORIZER;
        String refreshToken = control(path).json().get("authorizer_refresh_token").asText();
        assertEquals(refreshToken, get("/__sim/" + path).json().get("authorizer_refresh_token").asText());

        String componentToken = componentToken();
        Answer rotation = post("/__sim/faults", "application/json",
                "{\"rotateAuthorizerRefreshTokens\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(rotation.json().get("rotateAuthorizerRefreshTokens").asBoolean());
        String rotated = refreshToken(refresh(componentToken, refreshToken));
        assertNotEquals(refreshToken, rotated);
        assertEquals(rotated, get("/__sim/" + path).json().get("authorizer_refresh_token").asText());
        assertEquals(AUTHORIZER, get("/__sim/accounts/" + AUTHORIZER).json().get("appid").asText());

        assertEquals(200, statusOf("DELETE", path));
        assertError(61023, authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, rotated));
        assertTrue(get("/__sim/" + path).json().get("authorizer_refresh_token").isNull());
    }

    @Test
    void unknownComponentsAuthorizationsAndPaths() throws Exception {
        assertEquals(404, control("components/wxunknown/authorizers/" + AUTHORIZER).status());
        assertEquals(404, get("/__sim/components/" + COMPONENT + "/authorizers/" + AUTHORIZER).status());
        assertEquals(404, statusOf("DELETE", "components/" + COMPONENT + "/authorizers/" + OTHER_APP));
        assertEquals(404, control("components/" + COMPONENT + "/nothing").status());
        assertEquals(405, statusOf("PUT", "components/" + COMPONENT + "/authorizers/" + AUTHORIZER));
    }
}
