package io.camelwechat.component.wechat.internal.operation;

import java.util.Map;

import io.camelwechat.component.wechat.internal.client.RequestBody;
import org.apache.camel.Message;

/**
 * Turns a message into the body of one WeChat call: a typed request record in the body wins, otherwise headers
 * are read. Every check happens here, before any HTTP call; a failure is an {@link IllegalArgumentException} that
 * names the header or field and what is allowed.
 */
@FunctionalInterface
interface RequestBinder {

    /** For calls without a body (the GET APIs). */
    RequestBinder NONE = (message, settings) -> Binding.of(null);

    Binding bind(Message message, OperationSettings settings);

    /** What a message makes of a call: its body, and query parameters it adds (the media type of an upload). */
    record Binding(RequestBody body, Map<String, String> query) {

        static Binding of(RequestBody body) {
            return new Binding(body, Map.of());
        }
    }
}
