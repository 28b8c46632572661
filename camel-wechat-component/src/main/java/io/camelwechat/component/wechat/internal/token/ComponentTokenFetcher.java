package io.camelwechat.component.wechat.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelwechat.component.wechat.client.RequestBody;
import io.camelwechat.component.wechat.client.WeChatHttpClient;
import io.camelwechat.component.wechat.client.WeChatHttpException;
import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.client.WeChatRequest.HttpMethod;

/**
 * A third-party platform's {@code component_access_token}: {@code POST /cgi-bin/component/api_component_token}
 * with the platform's appid, secret and the latest verify ticket from the {@link VerifyTicketStore}.
 */
final class ComponentTokenFetcher implements TokenFetcher {

    static final String PATH = "/cgi-bin/component/api_component_token";

    private final WeChatHttpClient client;
    private final String baseUrl;
    private final AppCredentials componentSecrets;
    private final VerifyTicketStore tickets;

    ComponentTokenFetcher(WeChatHttpClient client, String baseUrl, AppCredentials componentSecrets,
                          VerifyTicketStore tickets) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.componentSecrets = componentSecrets;
        this.tickets = tickets;
    }

    record Answer(@JsonProperty("component_access_token") String componentAccessToken,
            @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "Answer[expiresIn=" + expiresIn + "]";
        }
    }

    @Override
    public AccessToken fetch(String componentAppId) {
        String ticket = tickets.load(componentAppId).orElseThrow(() -> new IllegalStateException(
                "no component_verify_ticket is known for component " + componentAppId + ": set the "
                + "componentVerifyTicket option or save WeChat's pushed ticket in the VerifyTicketStore"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("component_appid", componentAppId);
        body.put("component_appsecret", componentSecrets.secretFor(componentAppId));
        body.put("component_verify_ticket", ticket);
        WeChatRequest request = new WeChatRequest("getComponentAccessToken", HttpMethod.POST, baseUrl, PATH,
                Map.of(), new RequestBody.Json(body));
        Answer answer = client.execute(request, Answer.class);
        if (answer.componentAccessToken() == null || answer.componentAccessToken().isBlank()) {
            throw new WeChatHttpException(request.api(), 200, "OK",
                    request.label() + " answered without a component_access_token", null);
        }
        return new AccessToken(answer.componentAccessToken(), Duration.ofSeconds(answer.expiresIn()));
    }
}
