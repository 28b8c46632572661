package io.camelwechat.component.wechat.tracing;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.internal.tracing.WeChatTracingSpanDecorator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spans of WeChat calls through camel-opentelemetry, whose tracer takes decorators of the camel-tracing SPI. */
class OpenTelemetrySpansTest extends WeChatSpansTestSupport {

    @Override
    protected void installTracer(CamelContext context, Tracer tracer) {
        OpenTelemetryTracer camelTracer = new OpenTelemetryTracer();
        camelTracer.setTracer(tracer);
        camelTracer.init(context);
    }

    @Test
    void numbersAreNumbers_andTheCallIsAClientSpan() {
        send("direct:list", null);

        SpanData call = theOnlyWeChatSpan();
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(0L, call.getAttributes().get(AttributeKey.longKey("wechat.errcode")));
        assertEquals(0L, call.getAttributes().get(AttributeKey.longKey("wechat.retries")));
    }

    @Test
    void theDecorator_namesTheComponentsClass() {
        // the tracer's lookup for a component registered under another scheme than wechat
        assertEquals(WeChatComponent.class.getName(), new WeChatTracingSpanDecorator().getComponentClassName());
    }
}
