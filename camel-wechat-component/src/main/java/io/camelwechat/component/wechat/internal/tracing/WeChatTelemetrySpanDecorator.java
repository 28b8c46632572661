package io.camelwechat.component.wechat.internal.tracing;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

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

    /**
     * The open spans of routes that start at a wechat: consumer, which get no call facts: this SPI does not tell
     * {@link #afterTracingEvent} whose span ends. Weak, in case a tracer drops a span unended; Camel's spans keep
     * Object's equality, so this is by identity.
     */
    private final Set<Span> routeSpans = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

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
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (WeChatSpanAttributes.isRouteSpan(exchange, endpoint)) {
            routeSpans.add(span);
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        if (routeSpans.remove(span)) {
            return;
        }
        WeChatSpanAttributes.of(exchange).forEach((name, value) -> span.setTag(name, value.toString()));
    }
}
