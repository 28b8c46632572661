package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as it reached the simulator.
 *
 * @param method      HTTP method, upper case
 * @param path        the path without the query string, e.g. {@code /cgi-bin/wxopen/getcategory}
 * @param query       the decoded query parameters (first value of each)
 * @param headers     the request headers, names in lower case
 * @param body        the raw body bytes (empty, never null)
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param at          arrival time on the simulator clock
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, byte[] body, String contentType, Instant at) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A copy of the raw body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body without a copy, for the simulator's own read-only use. */
    byte[] rawBody() {
        return body;
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A query parameter, or {@code null}. */
    String queryParam(String name) {
        return query.get(name);
    }

    /** Leaves out the query string and body: they may carry the secret or an access token. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " at " + at + ", " + body.length + " body bytes]";
    }
}
