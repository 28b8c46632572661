package io.camelwechat.component.wechat.internal.tracing;

import java.util.HashMap;
import java.util.Map;

import io.camelwechat.component.wechat.WeChatConstants;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.tracing.SpanAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which spans get a call's facts, on spans that record what they are given: the span of the endpoint that made the
 * call does, the span of a route that starts at a wechat: consumer does not (its calls have spans of their own),
 * with either SPI. Stand-in endpoints: the decorators only compare them and read their URIs.
 */
class WeChatSpanDecoratorsTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private Endpoint consumer;
    private Endpoint producer;
    private Exchange exchange;

    @BeforeEach
    void anExchangeFromAConsumerThatMadeACall() {
        context.start();
        consumer = context.getEndpoint("direct://audits");
        producer = context.getEndpoint("direct:category?timeout=1000");
        exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromEndpoint(consumer);
        exchange.setProperty(WeChatConstants.CALL_API, "getSettingCategories");
        exchange.setProperty(WeChatConstants.CALL_PATH, "/cgi-bin/wxopen/getcategory");
        exchange.setProperty(WeChatConstants.CALL_APP_ID, "wx0000000000test01");
        exchange.setProperty(WeChatConstants.CALL_ERRCODE, 53303);
        exchange.setProperty(WeChatConstants.CALL_RETRIES, 1);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void tracingSpi_theCallsSpanGetsItsFacts_theRoutesDoesNot() {
        WeChatTracingSpanDecorator decorator = new WeChatTracingSpanDecorator();
        RecordingSpanAdapter call = new RecordingSpanAdapter();
        RecordingSpanAdapter route = new RecordingSpanAdapter();

        decorator.post(call, exchange, producer);
        decorator.post(route, exchange, consumer);

        assertEquals(Map.of("wechat.api", "getSettingCategories", "wechat.path", "/cgi-bin/wxopen/getcategory",
                "wechat.appid", "wx0000000000test01", "wechat.errcode", 53303, "wechat.retries", 1),
                weChatTags(call.tags));
        assertEquals(Map.of(), weChatTags(route.tags));
        assertEquals("direct:category", decorator.getOperationName(exchange, producer), "no options in the name");
        assertEquals("direct:audits", decorator.getOperationName(exchange, consumer));
    }

    @Test
    void telemetrySpi_theCallsSpanGetsItsFacts_theRoutesDoesNot() {
        WeChatTelemetrySpanDecorator decorator = new WeChatTelemetrySpanDecorator();
        RecordingSpan route = new RecordingSpan();
        RecordingSpan call = new RecordingSpan();

        decorator.beforeTracingEvent(route, exchange, consumer);
        decorator.beforeTracingEvent(call, exchange, producer);
        decorator.afterTracingEvent(call, exchange);
        decorator.afterTracingEvent(route, exchange);

        assertEquals(Map.of("wechat.api", "getSettingCategories", "wechat.path", "/cgi-bin/wxopen/getcategory",
                "wechat.appid", "wx0000000000test01", "wechat.errcode", "53303", "wechat.retries", "1"),
                weChatTags(call.tags));
        assertEquals(Map.of(), weChatTags(route.tags));
    }

    private static Map<String, Object> weChatTags(Map<String, Object> tags) {
        Map<String, Object> facts = new HashMap<>(tags);
        facts.keySet().removeIf(name -> !name.startsWith("wechat."));
        return facts;
    }

    private static final class RecordingSpanAdapter implements SpanAdapter {

        final Map<String, Object> tags = new HashMap<>();

        @Override
        public void setComponent(String component) {
            tags.put("component", component);
        }

        @Override
        public void setError(boolean error) {
            tags.put("error", error);
        }

        @Override
        public void setTag(String key, String value) {
            tags.put(key, value);
        }

        @Override
        public void setTag(String key, Number value) {
            tags.put(key, value);
        }

        @Override
        public void setTag(String key, Boolean value) {
            tags.put(key, value);
        }

        @Override
        public void log(Map<String, String> log) {
        }

        @Override
        public String traceId() {
            return "trace";
        }

        @Override
        public String spanId() {
            return "span";
        }
    }

    private static final class RecordingSpan implements Span {

        final Map<String, Object> tags = new HashMap<>();

        @Override
        public void log(Map<String, String> fields) {
        }

        @Override
        public void setTag(String key, String value) {
            tags.put(key, value);
        }

        @Override
        public void setComponent(String component) {
            tags.put("component", component);
        }

        @Override
        public void setError(boolean isError) {
            tags.put("error", isError);
        }
    }
}
