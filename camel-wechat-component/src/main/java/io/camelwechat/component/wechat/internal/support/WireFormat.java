package io.camelwechat.component.wechat.internal.support;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import io.camelwechat.component.wechat.spi.Secret;

/**
 * The one JSON mapping of the wire model: tolerant of fields WeChat adds, strict about the ones we write, and the
 * only mapper that writes a {@link Secret} as its value (to WeChat). The mapper itself stays here; callers get
 * immutable readers and writers, so nobody can reconfigure it under the others.
 */
public final class WireFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("secrets")
                    // on the wire a credential is its value; a blank one reads as missing, for the caller to name
                    .addSerializer(Secret.class, new ToStringSerializerBase(Secret.class) {
                        @Override
                        public String valueToString(Object value) {
                            return ((Secret) value).reveal();
                        }
                    })
                    .addDeserializer(Secret.class, new FromStringDeserializer<>(Secret.class) {
                        @Override
                        protected Secret _deserialize(String value, DeserializationContext context) {
                            return Secret.ofNullable(value);
                        }
                    }))
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
