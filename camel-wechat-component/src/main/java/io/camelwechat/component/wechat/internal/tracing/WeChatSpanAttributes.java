package io.camelwechat.component.wechat.internal.tracing;

import java.util.HashMap;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatConstants;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * What both decorators put on a {@code wechat:} span, whichever tracing SPI calls them: the span's name and the
 * WeChat attributes, copied from the exchange properties the producer sets after each call. Those hold WeChat's API
 * name, the path without its query, the appid, the errcode and a count, so no token, secret or query string can
 * reach a span through here.
 */
final class WeChatSpanAttributes {

    /** The component's class, for the tracers' lookup when it is registered under another scheme than wechat. */
    static final String COMPONENT_CLASS = "io.camelwechat.component.wechat.WeChatComponent";
    static final String COMPONENT = "wechat";

    static final String API = "wechat.api";
    static final String PATH = "wechat.path";
    static final String APP_ID = "wechat.appid";
    static final String ERRCODE = "wechat.errcode";
    static final String RETRIES = "wechat.retries";

    /** Attribute by the exchange property it is copied from. */
    private static final Map<String, String> FROM_PROPERTIES = Map.of(
            API, WeChatConstants.CALL_API,
            PATH, WeChatConstants.CALL_PATH,
            APP_ID, WeChatConstants.CALL_APP_ID,
            ERRCODE, WeChatConstants.CALL_ERRCODE,
            RETRIES, WeChatConstants.CALL_RETRIES);

    private WeChatSpanAttributes() {
    }

    /**
     * The endpoint's URI without options, for example {@code wechat:category}: few distinct names, as span names
     * should have, and never an option's value. WeChat's API name, which a header may choose per message, is the
     * {@code wechat.api} attribute.
     */
    static String spanName(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        int options = uri.indexOf('?');
        String base = options < 0 ? uri : uri.substring(0, options);
        int colon = base.indexOf(':');
        int path = colon + 1;
        while (path < base.length() && base.charAt(path) == '/') {
            path++;
        }
        return base.substring(0, colon + 1) + base.substring(path);
    }

    /**
     * Whether the span is the one of a route that starts at a wechat: consumer: it gets no call facts, as the calls the
     * route makes have spans of their own.
     */
    static boolean isRouteSpan(Exchange exchange, Endpoint endpoint) {
        return endpoint != null && endpoint == exchange.getFromEndpoint();
    }

    /**
     * The WeChat attributes of the call the exchange just made, values String or Integer; none for a call that
     * never reached WeChat's API (input refused, no account).
     */
    static Map<String, Object> of(Exchange exchange) {
        Map<String, Object> attributes = new HashMap<>();
        FROM_PROPERTIES.forEach((attribute, property) -> {
            Object value = exchange.getProperty(property);
            if (value != null) {
                attributes.put(attribute, value);
            }
        });
        return attributes;
    }
}
