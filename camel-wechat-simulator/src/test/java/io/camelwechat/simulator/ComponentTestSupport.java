package io.camelwechat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A simulator with two third-party platforms (components) on top of the two test accounts. */
abstract class ComponentTestSupport extends SimulatorTestSupport {

    static final String COMPONENT = "wxcomponent000001";
    static final String COMPONENT_SECRET = "component-secret";
    static final String OTHER_COMPONENT = "wxcomponent000002";
    static final String OTHER_COMPONENT_SECRET = "other-component-secret";
    /** An account that exists only through its authorization (no secret). */
    static final String AUTHORIZER = "wxauthorizer00001";

    static final String COMPONENT_TOKEN = "/cgi-bin/component/api_component_token";
    static final String AUTHORIZER_TOKEN = "/cgi-bin/component/api_authorizer_token";
    static final String GETCATEGORY = "/cgi-bin/wxopen/getcategory";

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.component(COMPONENT, COMPONENT_SECRET).component(OTHER_COMPONENT, OTHER_COMPONENT_SECRET);
    }

    Answer componentTokenCall(String componentAppId, String secret, String ticket) {
        return postJson(COMPONENT_TOKEN, "{\"component_appid\":\"" + componentAppId + "\",\"component_appsecret\":\""
                + secret + "\",\"component_verify_ticket\":\"" + ticket + "\"}");
    }

    /** A component_access_token of {@link #COMPONENT}, fetched over HTTP with a fresh ticket. */
    String componentToken() {
        Answer answer = componentTokenCall(COMPONENT, COMPONENT_SECRET, sim.issueVerifyTicket(COMPONENT));
        assertEquals(200, answer.status());
        return answer.json().get("component_access_token").asText();
    }

    Answer authorizerTokenCall(String componentToken, String componentAppId, String authorizerAppId,
                               String refreshToken) {
        return postJson(AUTHORIZER_TOKEN + "?component_access_token=" + componentToken,
                "{\"component_appid\":\"" + componentAppId + "\",\"authorizer_appid\":\"" + authorizerAppId
                        + "\",\"authorizer_refresh_token\":\"" + refreshToken + "\"}");
    }

    /** Refreshes {@link #AUTHORIZER}'s tokens through {@link #COMPONENT}; asserts success. */
    Answer refresh(String componentToken, String refreshToken) {
        Answer answer = authorizerTokenCall(componentToken, COMPONENT, AUTHORIZER, refreshToken);
        assertEquals(200, answer.status());
        assertEquals(Integer.MIN_VALUE, answer.errcode(), answer.body());
        return answer;
    }

    static String accessToken(Answer authorizerAnswer) {
        return authorizerAnswer.json().get("authorizer_access_token").asText();
    }

    static String refreshToken(Answer authorizerAnswer) {
        return authorizerAnswer.json().get("authorizer_refresh_token").asText();
    }
}
