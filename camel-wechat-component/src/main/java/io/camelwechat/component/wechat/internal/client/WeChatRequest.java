package io.camelwechat.component.wechat.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP call to WeChat.
 *
 * @param api     WeChat's name of the API, used in errors and logs (for example {@code addCategory})
 * @param method  GET or POST
 * @param baseUrl scheme, host and port, without a trailing slash (for example {@code https://api.weixin.qq.com})
 * @param path    the path, for example {@code /cgi-bin/wxopen/addcategory}
 * @param query   query parameters; secret ones (access tokens, secrets) are never logged or printed
 * @param body    what to send, or null for none
 */
public record WeChatRequest(String api, HttpMethod method, String baseUrl, String path, Map<String, String> query,
        RequestBody body) {

    /** Query parameters whose values are credentials. */
    static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "secret", "component_access_token");
    /** Fields of the token requests' JSON bodies whose values are credentials. */
    static final Set<String> SECRET_BODY_FIELDS = Set.of("secret", "component_appsecret", "component_verify_ticket",
            "authorizer_refresh_token");

    public enum HttpMethod {
        GET,
        POST
    }

    public WeChatRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A copy of this request carrying {@code access_token}, as every WeChat API expects it: in the query. */
    public WeChatRequest withAccessToken(String accessToken) {
        return withQueryParameter("access_token", accessToken);
    }

    /** A copy of this request with one more query parameter. */
    public WeChatRequest withQueryParameter(String name, String value) {
        Map<String, String> extended = new LinkedHashMap<>(query);
        extended.put(name, value);
        return new WeChatRequest(api, method, baseUrl, path, extended, body);
    }

    /** The credentials this request carries, in its query or its body: what must never be shown. */
    List<String> secretValues() {
        List<String> secrets = new ArrayList<>(2);
        query.forEach((name, value) -> {
            if (SECRET_PARAMETERS.contains(name) && value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        });
        if (body instanceof RequestBody.Json json && json.value() instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> {
                if (SECRET_BODY_FIELDS.contains(name) && value instanceof String text && !text.isEmpty()) {
                    secrets.add(text);
                }
            });
        }
        return secrets;
    }

    /** For messages: method and path, never the query. */
    public String describe() {
        return method + " " + path;
    }

    /** The start of every message about this call, for example {@code WeChat addCategory (POST /cgi-bin/...)}. */
    public String label() {
        return WeChatException.label(api, describe());
    }

    @Override
    public String toString() {
        return "WeChatRequest[" + api + " " + describe() + "]";
    }
}
