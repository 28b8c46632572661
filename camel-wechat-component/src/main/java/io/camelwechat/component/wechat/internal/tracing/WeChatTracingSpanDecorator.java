package io.camelwechat.component.wechat.internal.tracing;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * The {@code wechat:} span decorator of camel-tracing, the SPI of camel-opentelemetry (and any tracer built on it):
 * found by the tracer through {@code META-INF/services/org.apache.camel.tracing.SpanDecorator}. Camel's defaults
 * (component, the URI as Camel masks it, error status and the exception's message, which names no credential) plus
 * the WeChat attributes, numbers as numbers.
 */
public class WeChatTracingSpanDecorator extends AbstractSpanDecorator {

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

    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.post(span, exchange, endpoint);
        if (WeChatSpanAttributes.isRouteSpan(exchange, endpoint)) {
            return;
        }
        WeChatSpanAttributes.of(exchange).forEach((name, value) -> {
            if (value instanceof Number number) {
                span.setTag(name, number);
            } else {
                span.setTag(name, value.toString());
            }
        });
    }
}
