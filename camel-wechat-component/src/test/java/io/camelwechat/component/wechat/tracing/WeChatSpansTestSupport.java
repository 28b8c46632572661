package io.camelwechat.component.wechat.tracing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.WeChatHttpException;
import io.camelwechat.component.wechat.WeChatTestSupport;
import io.camelwechat.simulator.RecordedRequest;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user of one of Camel's OpenTelemetry tracers sees of WeChat calls made by routes, with nothing configured
 * on the component: one span per call carrying WeChat's facts, error status where WeChat answered an errcode, and
 * no token or secret anywhere. The subclasses install the tracer; spans are exported when they end, to memory.
 */
abstract class WeChatSpansTestSupport extends WeChatTestSupport {

    private static final String CATEGORIES_PATH = "/cgi-bin/wxopen/getcategory";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

    /** Adds the tracer under test to the context, before it starts, exporting through {@code tracer}. */
    protected abstract void installTracer(CamelContext context, Tracer tracer);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        installTracer(context, tracerProvider.get("camel-wechat-test"));
        return context;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        tracerProvider.close();
        super.doPostTearDown();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("wechat:category?op=list&busyRetryDelay=0");
                from("direct:list-then-industry").to("wechat:category?op=list").to("wechat:industry?op=get");
                from("direct:list-then-bad-add").to("wechat:category?op=list").to("wechat:category?op=add");
                from("direct:secret-in-uri")
                        .to("wechat:category?op=list&appId=" + APP_ID + "&appSecret=RAW(" + APP_SECRET + ")");
            }
        };
    }

    @Test
    void eachCall_hasOneSpanWithWeChatsFacts() {
        send("direct:list-then-industry", null);

        List<SpanData> calls = weChatSpans();
        assertEquals(2, calls.size(), "one span per WeChat call: " + calls);
        SpanData list = calls.get(0);
        assertEquals("wechat:category", list.getName());
        assertEquals(Map.of("wechat.api", "getSettingCategories", "wechat.path", CATEGORIES_PATH,
                "wechat.appid", APP_ID, "wechat.errcode", "0", "wechat.retries", "0"), weChatAttributes(list));
        assertNotEquals(StatusCode.ERROR, list.getStatus().getStatusCode());
        assertEquals(simulator.baseUrl(), text(list.getAttributes()).get("server.address"));
        assertEquals("getIndustry", weChatAttributes(calls.get(1)).get("wechat.api"));
        assertEquals("wechat:industry", calls.get(1).getName());
        assertEquals(list.getTraceId(), calls.get(1).getTraceId(), "both calls belong to the route's trace");
    }

    @Test
    void busyThenAnswered_showsTheRetry() {
        simulator.faults().failNext(CATEGORIES_PATH, -1, 1);

        assertNull(send("direct:list", null).getException());

        Map<String, String> facts = weChatAttributes(theOnlyWeChatSpan());
        assertEquals("0", facts.get("wechat.errcode"));
        assertEquals("1", facts.get("wechat.retries"), "the busy answer was retried once");
    }

    @Test
    void rejectedTokenThenAnswered_showsTheRetry() throws Exception {
        send("direct:list", null); // a token is cached
        exporter.reset();
        forceRefreshAsAnotherNode(); // WeChat rejects the cached token: 40001, a fresh token, the retry

        assertNull(send("direct:list", null).getException());

        assertEquals("1", weChatAttributes(theOnlyWeChatSpan()).get("wechat.retries"));
    }

    @Test
    void anErrcode_isShownAndMarksTheSpanAnError() {
        simulator.faults().failNext(CATEGORIES_PATH, 40013, 1);

        Exchange failed = send("direct:list", null);

        assertEquals(40013, ((WeChatApiException) failed.getException()).getErrcode());
        SpanData call = theOnlyWeChatSpan();
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertEquals("40013", weChatAttributes(call).get("wechat.errcode"));
        assertEquals("0", weChatAttributes(call).get("wechat.retries"));
    }

    @Test
    void anHttpError_isAnErrorWithoutErrcode() {
        simulator.faults().httpStatusNext(CATEGORIES_PATH, 502, 1);

        assertTrue(send("direct:list", null).getException() instanceof WeChatHttpException);

        SpanData call = theOnlyWeChatSpan();
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertFalse(weChatAttributes(call).containsKey("wechat.errcode"), "WeChat gave none: " + call);
        assertEquals("getSettingCategories", weChatAttributes(call).get("wechat.api"));
    }

    @Test
    void aCallRefusedBeforeWeChat_doesNotShowTheFactsOfTheCallBefore() {
        Exchange failed = send("direct:list-then-bad-add", null);

        assertTrue(failed.getException() instanceof IllegalArgumentException, String.valueOf(failed.getException()));
        List<SpanData> calls = allSpansOfTheComponent();
        assertEquals(2, calls.size());
        assertEquals("getSettingCategories", weChatAttributes(calls.get(0)).get("wechat.api"));
        assertEquals(Map.of(), weChatAttributes(calls.get(1)), "the add never reached WeChat");
        assertEquals(StatusCode.ERROR, calls.get(1).getStatus().getStatusCode());
    }

    @Test
    void noSpan_showsATokenOrSecret() throws Exception {
        send("direct:secret-in-uri", null);
        simulator.faults().failNext(CATEGORIES_PATH, 40013, 1);
        send("direct:list", null);
        forceRefreshAsAnotherNode();
        send("direct:list", null);

        Set<String> secrets = new LinkedHashSet<>(tokensSentToWeChat());
        assertTrue(secrets.size() >= 1, "tokens went on the wire");
        secrets.add(APP_SECRET);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertTrue(spans.size() >= 6, "the routes' spans and the calls' were exported: " + spans.size());
        for (SpanData span : spans) {
            List<String> shown = shownText(span);
            for (String text : shown) {
                assertFalse(text.contains("access_token="), "a query with a token is shown: " + text);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret),
                            "span " + span.getName() + " shows a secret: " + text.replace(secret, "<SECRET>"));
                }
            }
        }
        SpanData withSecretInUri = allSpansOfTheComponent().get(0);
        assertTrue(withSecretInUri.getAttributes().asMap().toString().contains("appSecret=xxxxxx"),
                "Camel's mask is shown instead: " + withSecretInUri.getAttributes());
    }

    /** The spans of the wechat: endpoints, in the order they ended. */
    protected List<SpanData> allSpansOfTheComponent() {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> "camel-wechat".equals(text(span.getAttributes()).get("component"))).toList();
    }

    /** The spans that carry WeChat's facts: those of calls that reached WeChat. */
    protected List<SpanData> weChatSpans() {
        return allSpansOfTheComponent().stream().filter(span -> !weChatAttributes(span).isEmpty()).toList();
    }

    protected SpanData theOnlyWeChatSpan() {
        List<SpanData> calls = weChatSpans();
        assertEquals(1, calls.size(), "one span per WeChat call: " + calls);
        return calls.get(0);
    }

    /** The span's wechat.* attributes, as text whatever their type. */
    protected static Map<String, String> weChatAttributes(SpanData span) {
        Map<String, String> facts = new HashMap<>(text(span.getAttributes()));
        facts.keySet().removeIf(name -> !name.startsWith("wechat."));
        return facts;
    }

    private static Map<String, String> text(Attributes attributes) {
        Map<String, String> text = new HashMap<>();
        attributes.forEach((key, value) -> text.put(key.getKey(), String.valueOf(value)));
        return text;
    }

    /** Everything an exporter would show of a span: its name, attribute names and values, events. */
    private static List<String> shownText(SpanData span) {
        List<String> shown = new java.util.ArrayList<>();
        shown.add(span.getName());
        shown.add(span.getStatus().getDescription());
        text(span.getAttributes()).forEach((name, value) -> shown.add(name + "=" + value));
        for (EventData event : span.getEvents()) {
            shown.add(event.getName());
            text(event.getAttributes()).forEach((name, value) -> shown.add(name + "=" + value));
        }
        return shown;
    }

    private List<String> tokensSentToWeChat() {
        return simulator.requests().stream().map(RecordedRequest::query)
                .map(query -> query.get("access_token")).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
