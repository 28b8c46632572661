package io.camelwechat.component.wechat.internal.support;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the wire model: tolerant of fields WeChat adds, strict about the ones we write. The
 * mapper itself stays here; callers get immutable readers and writers, so nobody can reconfigure it under the
 * others.
 */
public final class WireFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireFormat() {
    }

    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    public static ObjectReader reader(TypeReference<?> type) {
        return MAPPER.readerFor(type);
    }

    /** A reader of JSON trees. */
    public static ObjectReader treeReader() {
        return MAPPER.reader();
    }

    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** A streaming parser over a JSON document. */
    public static JsonParser parser(byte[] json) throws IOException {
        return MAPPER.createParser(json);
    }

    /** A value (a Map, a record) as a JSON tree, as it would be written. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A value (a record) as another type (a Map), through its JSON form. */
    public static <T> T convert(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }
}
