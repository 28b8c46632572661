package io.camelwechat.component.wechat;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelwechat.component.wechat.client.RequestBody;
import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.model.WireFormat;
import org.apache.camel.Message;

/**
 * {@code wechat:api?method=POST&path=/cgi-bin/...}: any WeChat server API the component does not model yet, with
 * the same token handling, errcode mapping and retry policy as the modelled ones. The body (a Map, a record or
 * JSON text) is sent as JSON; the answer is a Map.
 */
final class GenericApiCall {

    private GenericApiCall() {
    }

    /**
     * Checks the path and method of a {@code wechat:api} endpoint, when it is created.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    static void check(WeChatConfiguration configuration) {
        String path = configuration.getPath();
        if (path == null || !(path.startsWith("/cgi-bin/") || path.startsWith("/wxa/")) || path.contains("?")
            || path.contains("..")) {
            throw new IllegalArgumentException("wechat:api needs the path of a WeChat server API under /cgi-bin/ or "
                                               + "/wxa/, without a query (the access token is added), got " + path);
        }
        method(configuration);
    }

    static HttpMethod method(WeChatConfiguration configuration) {
        String method = configuration.getMethod() == null ? "" : configuration.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("wechat:api method must be GET or POST, got " + configuration.getMethod());
        }
        return HttpMethod.valueOf(method);
    }

    static WeChatRequest toRequest(Message message, WeChatConfiguration configuration) {
        HttpMethod method = method(configuration);
        RequestBody body = method == HttpMethod.GET ? null : new RequestBody.Json(bodyOf(message));
        return new WeChatRequest(apiName(configuration.getPath()), method, configuration.getBaseUrl(),
                configuration.getPath(), Map.of(), body);
    }

    /** A Map or record as it is; JSON text parsed first, so that it is sent as JSON and not as a JSON string. */
    private static Object bodyOf(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof String || body instanceof byte[]) {
            String text = message.getBody(String.class);
            try {
                JsonNode json = WireFormat.mapper().readTree(text);
                if (json == null || !json.isObject()) {
                    throw new IllegalArgumentException("wechat:api body must be a JSON object, got "
                                                       + (json == null ? "nothing" : json.getNodeType()));
                }
                return json;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("wechat:api body is text but not JSON: " + e.getOriginalMessage());
            }
        }
        return body;
    }

    /** The last path segment names the API in errors and logs, for example {@code getcategoriesbytype}. */
    private static String apiName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
