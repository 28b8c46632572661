package io.camelwechat.component.wechat.internal.token;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;

/**
 * A third-party platform's {@code component_access_token}: {@code POST /cgi-bin/component/api_component_token}
 * with the platform's appid, secret and the latest verify ticket from the {@link VerifyTicketStore}.
 */
public final class ComponentTokenFetcher implements TokenFetcher {

    static final String PATH = "/cgi-bin/component/api_component_token";

    private final WeChatHttpClient client;
    private final String baseUrl;
    private final AppCredentials componentSecrets;
    private final VerifyTicketStore tickets;

    public ComponentTokenFetcher(WeChatHttpClient client, String baseUrl, AppCredentials componentSecrets,
                                 VerifyTicketStore tickets) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.componentSecrets = componentSecrets;
        this.tickets = tickets;
    }

    record Answer(@JsonProperty("component_access_token") Secret componentAccessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    @Override
    public AccessToken fetch(String componentAppId) {
        Secret ticket = tickets.load(componentAppId).map(Secret::ofNullable).orElseThrow(
                () -> new IllegalStateException("no component_verify_ticket is known for component " + componentAppId
                                                + ": set the componentVerifyTicket option or save WeChat's pushed "
                                                + "ticket in the VerifyTicketStore"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component_appid", componentAppId);
        body.put("component_appsecret", componentSecrets.secretFor(componentAppId));
        body.put("component_verify_ticket", ticket);
        WeChatRequest request = new WeChatRequest("getComponentAccessToken", HttpMethod.POST, baseUrl, PATH,
                Map.of(), new RequestBody.Json(body));
        Answer answer = client.execute(request, Answer.class);
        return TokenAnswer.require(request, "component_access_token", answer.componentAccessToken(),
                answer.expiresIn());
    }
}
