package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HTTP side of the third-party platform token chain (wechat-api-facts.md section 3):
 * {@code POST /cgi-bin/component/api_component_token} (verify ticket to component_access_token) and
 * {@code POST /cgi-bin/component/api_authorizer_token} (refresh token to authorizer_access_token).
 */
final class ComponentEndpoints {

    private final TokenService tokens;
    private final ComponentRegistry components;
    private final Faults faults;

    ComponentEndpoints(TokenService tokens, ComponentRegistry components, Faults faults) {
        this.tokens = tokens;
        this.components = components;
        this.faults = faults;
    }

    /** Checks the fields, then the credentials, then the quota, then the ticket. */
    SimResponse componentToken(ApiCall call) {
        ObjectNode body = Json.parseObject(call.request().rawBody(), ErrorCode.DATA_FORMAT_ERROR);
        String appId = requireComponentAppId(body);
        String secret = Json.text(body.get("component_appsecret"));
        if (secret == null || secret.isBlank()) {
            throw new ApiError(ErrorCode.APPSECRET_MISSING);
        }
        Component component = components.find(appId);
        if (component == null) {
            throw new ApiError(ErrorCode.INVALID_COMPONENT); // an account's appid included
        }
        if (!component.secretMatches(secret)) {
            throw new ApiError(ErrorCode.INVALID_APPSECRET);
        }
        requireQuota(appId);
        component.checkTicket(Json.text(body.get("component_verify_ticket")), call.now());
        IssuedToken token = tokens.issueComponent(appId, call.now());
        ObjectNode answer = Json.object();
        answer.put("component_access_token", token.value());
        answer.put("expires_in", token.expiresInSeconds(call.now()));
        return SimResponse.wechat(answer);
    }

    /** Checks the component token, the platform's quota, the body, the authorizer's quota, then the refresh token. */
    SimResponse authorizerToken(ApiCall call) {
        String componentAppId = tokens.authenticateComponent(componentToken(call.request()), call.now());
        requireQuota(componentAppId);
        ObjectNode body = Json.parseObject(call.request().rawBody(), ErrorCode.DATA_FORMAT_ERROR);
        if (!componentAppId.equals(requireComponentAppId(body))) {
            throw new ApiError(ErrorCode.INVALID_COMPONENT); // the token belongs to another platform
        }
        String authorizerAppId = requireAppId(Json.text(body.get("authorizer_appid")));
        requireQuota(authorizerAppId);
        Component.Refreshed refreshed = components.require(componentAppId).refresh(authorizerAppId,
                Json.text(body.get("authorizer_refresh_token")), faults.rotatesAuthorizerRefreshTokens(),
                () -> tokens.issueAuthorizer(authorizerAppId, call.now()), call.now());
        ObjectNode answer = Json.object();
        answer.put("authorizer_access_token", refreshed.accessToken().value());
        answer.put("expires_in", refreshed.accessToken().expiresInSeconds(call.now()));
        answer.put("authorizer_refresh_token", refreshed.refreshToken());
        return SimResponse.wechat(answer);
    }

    /**
     * The component token from the query: {@code component_access_token} as the classic page names it, else
     * {@code access_token} as the current page does ("access_token: may use component_access_token").
     */
    private static String componentToken(RecordedRequest request) {
        String token = request.queryParam("component_access_token");
        return token == null || token.isBlank() ? request.queryParam("access_token") : token;
    }

    /** @throws ApiError 41018 {@code missing component_appid} */
    private static String requireComponentAppId(ObjectNode body) {
        String appId = Json.text(body.get("component_appid"));
        if (appId == null || appId.isBlank()) {
            throw new ApiError(ErrorCode.COMPONENT_APPID_MISSING);
        }
        return appId;
    }

    private static String requireAppId(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new ApiError(ErrorCode.APPID_MISSING);
        }
        return appId;
    }

    private void requireQuota(String appId) {
        if (faults.isQuotaExhausted(appId)) {
            throw new ApiError(ErrorCode.DAILY_QUOTA_REACHED);
        }
    }
}
