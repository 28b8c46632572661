package io.camelwechat.component.wechat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a MeterRegistry in the Camel registry, calls are timed and token counters published to Micrometer. */
class MicrometerMetricsTest extends WeChatTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Test
    void callsAreTimedByApiAndOutcome_andTokenCountersPublished() {
        template.requestBody("wechat:category?op=list", (Object) null);
        template.requestBody("wechat:category?op=list", (Object) null);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 53303, 1);
        sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);

        assertEquals(2, meters.get("wechat.calls").tag("api", "getSettingCategories").tag("outcome", "ok").timer()
                .count());
        assertEquals(1, meters.get("wechat.calls").tag("api", "getSettingCategories").tag("outcome", "53303").timer()
                .count());
        assertEquals(1.0, meters.get("wechat.token.fetches").tag("appId", APP_ID).functionCounter().count());
        assertEquals(2.0, meters.get("wechat.token.hits").tag("appId", APP_ID).functionCounter().count());
    }
}
