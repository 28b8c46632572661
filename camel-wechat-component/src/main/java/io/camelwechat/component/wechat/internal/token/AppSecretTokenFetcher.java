package io.camelwechat.component.wechat.internal.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.Secret;

/** Fetches an account's token with its appid and AppSecret, in the stable or the classic way. */
public final class AppSecretTokenFetcher implements TokenFetcher {

    private final WeChatHttpClient client;
    private final AppCredentials credentials;
    private final BiFunction<String, Secret, WeChatRequest> requestForAppIdAndSecret;

    private AppSecretTokenFetcher(WeChatHttpClient client, AppCredentials credentials,
                                  BiFunction<String, Secret, WeChatRequest> requestForAppIdAndSecret) {
        this.client = client;
        this.credentials = credentials;
        this.requestForAppIdAndSecret = requestForAppIdAndSecret;
    }

    /**
     * {@code POST /cgi-bin/stable_token}. In normal mode every caller gets the same token until shortly before it
     * expires, so the nodes of a cluster never invalidate each other's tokens. Forced mode
     * ({@code forceRefresh}) ends the current token for everyone; WeChat allows it 20 times a day, so it is only
     * used when the user allowed it and a normal fetch keeps returning a rejected token.
     */
    public static AppSecretTokenFetcher stable(WeChatHttpClient client, String baseUrl, AppCredentials credentials,
                                               boolean forceRefresh) {
        return new AppSecretTokenFetcher(client, credentials, (appId, secret) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("grant_type", "client_credential");
            body.put("appid", appId);
            body.put("secret", secret);
            body.put("force_refresh", forceRefresh);
            return new WeChatRequest("getStableAccessToken", HttpMethod.POST, baseUrl, "/cgi-bin/stable_token",
                    Map.of(), new RequestBody.Json(body));
        });
    }

    /**
     * {@code GET /cgi-bin/token}: every fetch issues a new token and ends the previous one five minutes later, so
     * in a cluster only one node (or a central token service) should use this mode.
     */
    public static AppSecretTokenFetcher classic(WeChatHttpClient client, String baseUrl, AppCredentials credentials) {
        return new AppSecretTokenFetcher(client, credentials, (appId, secret) -> new WeChatRequest("getAccessToken",
                HttpMethod.GET, baseUrl, "/cgi-bin/token", Map.of("grant_type", "client_credential", "appid", appId),
                Map.of("secret", secret), null));
    }

    @Override
    public AccessToken fetch(String appId) {
        WeChatRequest request = requestForAppIdAndSecret.apply(appId, credentials.secretFor(appId));
        TokenAnswer answer = client.execute(request, TokenAnswer.class);
        return TokenAnswer.require(request, "access_token", answer.accessToken(), answer.expiresIn());
    }
}
