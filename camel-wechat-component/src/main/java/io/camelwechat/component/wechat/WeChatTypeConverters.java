package io.camelwechat.component.wechat;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.camelwechat.component.wechat.internal.support.WireFormat;
import io.camelwechat.component.wechat.model.WeChatResponse;
import org.apache.camel.Converter;

/**
 * Lets routes without Java use the typed results: {@code convertBodyTo} String gives WeChat's JSON, Map gives a
 * map keyed by WeChat's wire field names ({@code primary_industry}, {@code audit_status}, ...).
 */
@Converter(generateLoader = true)
public final class WeChatTypeConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private WeChatTypeConverters() {
    }

    @Converter
    public static Map<String, Object> toMap(WeChatResponse response) {
        return WireFormat.convert(response, MAP);
    }

    @Converter
    public static String toJson(WeChatResponse response) throws JsonProcessingException {
        return WireFormat.writer().writeValueAsString(response);
    }
}
