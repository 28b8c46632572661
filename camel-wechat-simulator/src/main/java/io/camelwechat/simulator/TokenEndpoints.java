package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HTTP side of {@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token}: parameter and credential
 * checks, then {@link TokenService} (wechat-api-facts.md section 2).
 */
final class TokenEndpoints {

    private static final String GRANT_TYPE = "client_credential";

    private final TokenService tokens;
    private final AccountRegistry accounts;
    private final ComponentRegistry components;
    private final Faults faults;

    TokenEndpoints(TokenService tokens, AccountRegistry accounts, ComponentRegistry components, Faults faults) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.components = components;
        this.faults = faults;
    }

    SimResponse classic(ApiCall call) {
        RecordedRequest request = call.request();
        String appId = checkCredentials(request.queryParam("grant_type"), request.queryParam("appid"),
                request.queryParam("secret"));
        return answer(tokens.issueClassic(appId, call.now()), call);
    }

    SimResponse stable(ApiCall call) {
        ObjectNode body = Json.parseObject(call.request().rawBody(), ErrorCode.DATA_FORMAT_ERROR);
        String appId = checkCredentials(Json.text(body.get("grant_type")), Json.text(body.get("appid")),
                Json.text(body.get("secret")));
        // asBoolean also accepts the string "true", as loosely typed clients send it
        boolean forceRefresh = body.path("force_refresh").asBoolean(false);
        return answer(tokens.stable(appId, forceRefresh, call.now()), call);
    }

    /** Checks in WeChat's order of parameters, then the credentials, then the account's quota. */
    private String checkCredentials(String grantType, String appId, String secret) {
        if (!GRANT_TYPE.equals(grantType)) {
            throw new ApiError(ErrorCode.INVALID_GRANT_TYPE);
        }
        if (appId == null || appId.isBlank()) {
            throw new ApiError(ErrorCode.APPID_MISSING);
        }
        if (secret == null || secret.isBlank()) {
            throw new ApiError(ErrorCode.APPSECRET_MISSING);
        }
        Account account = accounts.find(appId);
        if (account == null) {
            // a third-party platform gets its token from api_component_token, and WeChat says so
            throw new ApiError(components.find(appId) != null
                    ? ErrorCode.MUST_USE_COMPONENT_TOKEN_API : ErrorCode.INVALID_APPID);
        }
        if (!account.secretMatches(secret)) {
            throw new ApiError(ErrorCode.INVALID_APPSECRET);
        }
        if (faults.isQuotaExhausted(appId)) {
            throw new ApiError(ErrorCode.DAILY_QUOTA_REACHED);
        }
        return appId;
    }

    private static SimResponse answer(IssuedToken token, ApiCall call) {
        ObjectNode body = Json.object();
        body.put("access_token", token.value());
        body.put("expires_in", token.expiresInSeconds(call.now()));
        return SimResponse.wechat(body);
    }
}
