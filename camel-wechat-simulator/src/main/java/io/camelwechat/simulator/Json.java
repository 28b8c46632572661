package io.camelwechat.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON reading and writing shared by all handlers (one thread-safe ObjectMapper). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a request body that must be a JSON object, and nothing after it but white space.
     *
     * @param notJson the error to answer when the body is not a JSON object (47001 for most APIs)
     * @throws ApiError 44002 for an empty body, {@code notJson} for anything that is not a JSON object, 47001
     *                  for a JSON object followed by anything else (WeChat answers trailing garbage with 47001,
     *                  wechat-api-facts.md "More facts")
     */
    static ObjectNode parseObject(byte[] body, ErrorCode notJson) {
        if (isBlank(body)) {
            throw new ApiError(ErrorCode.EMPTY_POST_DATA);
        }
        ObjectNode object = null;
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (MAPPER.readTree(parser) instanceof ObjectNode node) {
                object = node;
                if (parser.nextToken() != null) {
                    throw new ApiError(ErrorCode.DATA_FORMAT_ERROR);
                }
                return object;
            }
        } catch (IOException e) {
            if (object != null) { // a whole object, then something that is not even a JSON token
                throw new ApiError(ErrorCode.DATA_FORMAT_ERROR);
            }
            // else malformed JSON is answered like any other non-object body
        }
        throw new ApiError(notJson);
    }

    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads an integer the lenient way WeChat does: a JSON integer or a string of digits.
     *
     * @return the value, or {@code null} if the node is absent or holds anything else
     */
    static Long integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.textValue());
        }
        return null;
    }

    /** A text field, or {@code null} when absent or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
