package io.camelwechat.component.wechat.tracing;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.internal.tracing.WeChatTelemetrySpanDecorator;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spans of WeChat calls through camel-opentelemetry2, whose tracer takes decorators of the camel-telemetry SPI and
 * finds the OpenTelemetry tracer in the Camel registry.
 */
class OpenTelemetry2SpansTest extends WeChatSpansTestSupport {

    @Override
    protected void installTracer(CamelContext context, Tracer tracer) {
        context.getRegistry().bind("otelTracer", tracer);
        context.getRegistry().bind("otelPropagators", ContextPropagators.noop());
        new OpenTelemetryTracer().init(context);
    }

    @Test
    void theDecorator_namesTheComponentsClass() {
        // the tracer's lookup for a component registered under another scheme than wechat
        assertEquals(WeChatComponent.class.getName(), new WeChatTelemetrySpanDecorator().getComponentClassName());
    }
}
