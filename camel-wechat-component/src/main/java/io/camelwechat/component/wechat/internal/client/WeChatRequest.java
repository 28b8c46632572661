package io.camelwechat.component.wechat.internal.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatException;
import io.camelwechat.component.wechat.spi.Secret;

/**
 * One HTTP call to WeChat. Credentials travel as {@link Secret}s (query parameters here, values of a JSON body
 * map), so printing a request never shows one and {@link #secretValues()} knows every value to keep out of
 * messages.
 *
 * @param api         WeChat's name of the API, used in errors and logs (for example {@code addCategory})
 * @param method      GET or POST
 * @param baseUrl     scheme, host, port and optional path prefix, without a trailing slash
 * @param path        the path, for example {@code /cgi-bin/wxopen/addcategory}
 * @param query       query parameters that are not credentials
 * @param credentials query parameters that are ({@code access_token}, {@code component_access_token}, ...)
 * @param body        what to send, or null for none
 */
public record WeChatRequest(String api, HttpMethod method, String baseUrl, String path, Map<String, String> query,
        Map<String, Secret> credentials, RequestBody body) {

    public enum HttpMethod {
        GET,
        POST
    }

    public WeChatRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
    }

    public WeChatRequest(String api, HttpMethod method, String baseUrl, String path, Map<String, String> query,
                         RequestBody body) {
        this(api, method, baseUrl, path, query, Map.of(), body);
    }

    /** A copy of this request carrying {@code access_token}, as every WeChat API expects it: in the query. */
    public WeChatRequest withAccessToken(Secret accessToken) {
        return withCredential("access_token", accessToken);
    }

    /** A copy of this request with one more credential in the query. */
    public WeChatRequest withCredential(String name, Secret value) {
        Map<String, Secret> extended = new LinkedHashMap<>(credentials);
        extended.put(name, value);
        return new WeChatRequest(api, method, baseUrl, path, query, extended, body);
    }

    /** The credentials this request carries, in its query or its JSON body: what must never be shown. */
    List<String> secretValues() {
        List<String> secrets = new ArrayList<>(2);
        credentials.values().forEach(secret -> secrets.add(secret.reveal()));
        if (body instanceof RequestBody.Json json && json.value() instanceof Map<?, ?> fields) {
            fields.values().forEach(value -> {
                if (value instanceof Secret secret) {
                    secrets.add(secret.reveal());
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
}
