package io.camelwechat.component.wechat.internal.operation;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camelwechat.component.wechat.internal.client.RequestBody;
import io.camelwechat.component.wechat.internal.client.WeChatRequest.HttpMethod;
import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.internal.support.WireFormat;
import org.apache.camel.Message;

/**
 * {@code wechat:api?method=POST&path=/cgi-bin/...}: any WeChat server API the component does not model yet, with
 * the same token handling, errcode mapping and retry policy as the modelled ones. The body (a Map, a record or
 * JSON text) is sent as JSON; the answer is a Map.
 */
final class GenericRequestBinder {

    private static final String BODIES = "a Map, a record or JSON text holding an object";
    private static final Pattern PATH_CHARACTERS = Pattern.compile("[A-Za-z0-9._~/-]+");
    /** WeChat answers 47001 to a JSON document followed by anything: refuse it here, saying why. */
    private static final ObjectReader STRICT_JSON = WireFormat.treeReader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GenericRequestBinder() {
    }

    /**
     * A WeChat API path: under {@code /cgi-bin/} or {@code /wxa/} once percent-decoded and normalised, with no
     * query, fragment, control character, encoded slash or dot segment. It is checked decoded because whoever
     * reads it later (a proxy, a gateway, WeChat) may decode it: {@code /cgi-bin/%2e%2e/admin} is
     * {@code /admin} to them.
     */
    static void checkPath(String path) {
        if (path == null || path.isBlank()) {
            throw pathRefused(path, "it is not set");
        }
        Texts.requireNoControlCharacters(path, "wechat:api path");
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw pathRefused(path, "it holds a malformed percent-encoding");
        }
        if (!decoded.equals(path)) {
            // WeChat's paths are plain ASCII words: an encoded character only hides something
            throw pathRefused(path, "it holds percent-encoded characters (decoded: " + Texts.describe(decoded)
                                    + ")");
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw pathRefused(path, "it holds a query or fragment (the access token is added by the component)");
        }
        if (!PATH_CHARACTERS.matcher(path).matches()) {
            throw pathRefused(path, "only letters, digits and - _ . ~ / may appear in it");
        }
        String normalised = URI.create(path).normalize().getPath();
        if (!normalised.equals(path) || path.contains("//")) {
            throw pathRefused(path, "it holds dot segments or empty segments (normalised: " + normalised + ")");
        }
        if (!(path.startsWith("/cgi-bin/") || path.startsWith("/wxa/")) || path.endsWith("/")) {
            throw pathRefused(path, "it is not an API under /cgi-bin/ or /wxa/");
        }
    }

    private static IllegalArgumentException pathRefused(String path, String why) {
        return new IllegalArgumentException("wechat:api needs the path of a WeChat server API under /cgi-bin/ or "
                                            + "/wxa/, without a query (the access token is added); got "
                                            + Texts.describe(path) + ": " + why);
    }

    /**
     * @throws IllegalArgumentException naming the method option and the values allowed
     */
    static HttpMethod method(String method) {
        String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (!upper.equals("GET") && !upper.equals("POST")) {
            throw new IllegalArgumentException("wechat:api method must be GET or POST, got " + Texts.describe(method));
        }
        return HttpMethod.valueOf(upper);
    }

    /** A POST sends the body as a JSON object; a GET sends nothing. */
    static RequestBinder.Binding bind(Message message, OperationSettings settings) {
        return RequestBinder.Binding.of(settings.method() == HttpMethod.GET ? null
                : new RequestBody.Json(bodyOf(message)));
    }

    /**
     * The body as a JSON object: a Map or a record as it is, JSON text parsed first (so that it is sent as JSON and
     * not as a JSON string). WeChat's APIs take JSON objects only: a number, a list or text holding one is refused.
     */
    private static JsonNode bodyOf(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return WireFormat.toTree(Map.of());
        }
        JsonNode json;
        if (body instanceof String || body instanceof byte[]) {
            String text = message.getBody(String.class);
            try {
                json = STRICT_JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("wechat:api body is text but not JSON: " + e.getOriginalMessage());
            }
        } else {
            try {
                json = WireFormat.toTree(body);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("wechat:api body " + body.getClass().getSimpleName()
                                                   + " cannot be written as JSON: " + BODIES, e);
            }
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("wechat:api body must be a JSON object (" + BODIES + "), got "
                                               + (json == null || json.isMissingNode() ? "nothing"
                                                       : "a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT)
                                                         + " from " + body.getClass().getSimpleName()));
        }
        return json;
    }
}
