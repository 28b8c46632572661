package io.camelwechat.component.wechat.internal.tracing;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The {@code wechat:} span decorator of camel-telemetry, the SPI of camel-opentelemetry2: found by its tracer through
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}. Camel's defaults (component, the URI as Camel
 * masks it, error status and the exception's message, which names no credential) plus the WeChat attributes, as text:
 * this SPI's spans take text values only.
 */
public class WeChatTelemetrySpanDecorator extends AbstractSpanDecorator {

    @Override
    public String getComponent() {
        return WeChatSpanAttributes.COMPONENT;
    }

    @Override
    public String getComponentClassName() {
        return WeChatSpanAttributes.COMPONENT_CLASS;
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return WeChatSpanAttributes.spanName(endpoint);
    }

    /**
     * This SPI does not tell which endpoint's span ends, so the span of a route that starts at a wechat: consumer
     * shows the facts of the last call the route made as well (as that call's own span does).
     */
    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        WeChatSpanAttributes.of(exchange).forEach((name, value) -> span.setTag(name, value.toString()));
    }
}
