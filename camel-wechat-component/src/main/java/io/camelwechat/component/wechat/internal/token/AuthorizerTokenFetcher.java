package io.camelwechat.component.wechat.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelwechat.component.wechat.client.RequestBody;
import io.camelwechat.component.wechat.client.WeChatApiException;
import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.client.WeChatHttpException;
import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.client.WeChatRequest.HttpMethod;

/**
 * An {@code authorizer_access_token} for an account that authorized the platform:
 * {@code POST /cgi-bin/component/api_authorizer_token} with the platform's component_access_token and the
 * account's refresh token. WeChat answers with a rotated refresh token, which is saved before the new access
 * token is used, so that a crash cannot lose it.
 */
final class AuthorizerTokenFetcher implements TokenFetcher {

    static final String PATH = "/cgi-bin/component/api_authorizer_token";
    static final int INVALID_REFRESH_TOKEN = 61023;

    private final WeChatHttpClient client;
    private final String baseUrl;
    private final String componentAppId;
    private final ResilientInvoker componentCalls;
    private final AuthorizerTokenStore refreshTokens;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    AuthorizerTokenFetcher(WeChatHttpClient client, String baseUrl, String componentAppId,
                           ResilientInvoker componentCalls, AuthorizerTokenStore refreshTokens) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.componentAppId = componentAppId;
        this.componentCalls = componentCalls;
        this.refreshTokens = refreshTokens;
    }

    record Answer(@JsonProperty("authorizer_access_token") String authorizerAccessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("authorizer_refresh_token") String authorizerRefreshToken) {
        @Override
        public String toString() {
            return "Answer[expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * One fetch at a time per authorizer: each fetch rotates the refresh token, and two at once (a background
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
        synchronized (locks.computeIfAbsent(authorizerAppId, key -> new Object())) {
            return fetchRotating(authorizerAppId);
        }
    }

    private AccessToken fetchRotating(String authorizerAppId) {
        String refreshToken = refreshTokens.loadRefreshToken(componentAppId, authorizerAppId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no authorizer_refresh_token is known for authorizer " + authorizerAppId + " of component "
                        + componentAppId + ": set the authorizerRefreshToken option or save it in the "
                        + "AuthorizerTokenStore"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("component_appid", componentAppId);
        body.put("authorizer_appid", authorizerAppId);
        body.put("authorizer_refresh_token", refreshToken);
        WeChatRequest request = new WeChatRequest("getAuthorizerAccessToken", HttpMethod.POST, baseUrl, PATH,
                Map.of(), new RequestBody.Json(body));
        Answer answer;
        try {
            // a write: each call rotates the refresh token, so a busy answer is not retried blindly
            answer = componentCalls.invoke(componentAppId, request, true, componentToken -> client.execute(
                    request.withQueryParameter("component_access_token", componentToken), Answer.class));
        } catch (WeChatApiException e) {
            if (e.getErrcode() == INVALID_REFRESH_TOKEN) {
                throw e.withDetail("The authorizer_refresh_token of authorizer " + authorizerAppId + " was "
                                   + "rejected: the account must authorize component " + componentAppId + " again, "
                                   + "or the store holds an outdated token");
            }
            throw e;
        }
        if (answer.authorizerAccessToken() == null || answer.authorizerAccessToken().isBlank()) {
            throw new WeChatHttpException(request.api(), 200, "OK",
                    request.label() + " answered without an authorizer_access_token", null);
        }
        if (answer.authorizerRefreshToken() != null && !answer.authorizerRefreshToken().isBlank()
            && !answer.authorizerRefreshToken().equals(refreshToken)) {
            refreshTokens.saveRefreshToken(componentAppId, authorizerAppId, answer.authorizerRefreshToken());
        }
        return new AccessToken(answer.authorizerAccessToken(), Duration.ofSeconds(answer.expiresIn()));
    }
}
