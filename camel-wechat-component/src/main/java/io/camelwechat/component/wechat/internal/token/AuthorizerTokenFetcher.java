package io.camelwechat.component.wechat.internal.token;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.support.KeyedLocks;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.Secret;

/**
 * An {@code authorizer_access_token} for an account that authorized the platform:
 * {@code POST /cgi-bin/component/api_authorizer_token} with the platform's component_access_token and the
 * account's refresh token. When WeChat answers with another refresh token (older behaviour, still reported), it
 * is saved before the new access token is used, so that a crash cannot lose it.
 */
public final class AuthorizerTokenFetcher implements TokenFetcher {

    static final String PATH = "/cgi-bin/component/api_authorizer_token";
    static final int INVALID_REFRESH_TOKEN = 61023;

    private final WeChatHttpClient client;
    private final String baseUrl;
    private final String componentAppId;
    private final ComponentCalls componentCalls;
    private final AuthorizerTokenStore refreshTokens;
    private final KeyedLocks locks = new KeyedLocks();

    public AuthorizerTokenFetcher(WeChatHttpClient client, String baseUrl, String componentAppId,
                                  ComponentCalls componentCalls, AuthorizerTokenStore refreshTokens) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.componentAppId = componentAppId;
        this.componentCalls = componentCalls;
        this.refreshTokens = refreshTokens;
    }

    record Answer(@JsonProperty("authorizer_access_token") Secret authorizerAccessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("authorizer_refresh_token") Secret authorizerRefreshToken) {
    }

    /**
     * One fetch at a time per authorizer: a fetch may rotate the refresh token, and two at once (a background
     * refresh and a refetch after a rejection) would both spend the same token, one of them saving a successor
     * that dies five minutes later. Inside the lock the store is read again, so the second fetch uses the token the
     * first one saved.
     */
    @Override
    public AccessToken fetch(String authorizerAppId) {
        if (authorizerAppId == null || authorizerAppId.isBlank()) {
            throw new IllegalArgumentException("tokenMode authorizer needs the authorizer's appid: set the appId "
                                               + "option or the CamelWeChatAppId header");
        }
        return locks.withLock(authorizerAppId, () -> fetchRotating(authorizerAppId));
    }

    private AccessToken fetchRotating(String authorizerAppId) {
        Secret refreshToken = refreshTokens.loadRefreshToken(componentAppId, authorizerAppId).map(Secret::ofNullable)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no authorizer_refresh_token is known for authorizer " + authorizerAppId + " of component "
                        + componentAppId + ": set the authorizerRefreshToken option or save it in the "
                        + "AuthorizerTokenStore"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component_appid", componentAppId);
        body.put("authorizer_appid", authorizerAppId);
        body.put("authorizer_refresh_token", refreshToken);
        WeChatRequest request = new WeChatRequest("getAuthorizerAccessToken", HttpMethod.POST, baseUrl, PATH,
                Map.of(), new RequestBody.Json(body));
        Answer answer;
        try {
            // a write: a call may rotate the refresh token, so a busy answer is not retried blindly
            answer = componentCalls.invoke(componentAppId, request, true, componentToken -> client.execute(
                    request.withCredential("component_access_token", componentToken), Answer.class));
        } catch (WeChatApiException e) {
            if (e.getErrcode() == INVALID_REFRESH_TOKEN) {
                throw e.withDetail("The authorizer_refresh_token of authorizer " + authorizerAppId + " was "
                                   + "rejected: the account must authorize component " + componentAppId + " again, "
                                   + "or the store holds an outdated token");
            }
            throw e;
        }
        AccessToken token = TokenAnswer.require(request, "authorizer_access_token", answer.authorizerAccessToken(),
                answer.expiresIn());
        if (answer.authorizerRefreshToken() != null && !answer.authorizerRefreshToken().equals(refreshToken)) {
            refreshTokens.saveRefreshToken(componentAppId, authorizerAppId, answer.authorizerRefreshToken().reveal());
        }
        return token;
    }
}
