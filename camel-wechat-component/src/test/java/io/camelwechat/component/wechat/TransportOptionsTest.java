package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.model.SettingCategories;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The component's HTTP client honours its transport options. */
class TransportOptionsTest extends WeChatTestSupport {

    @Test
    void proxy_requestsGoThroughTheProxyHost() {
        // the simulator plays the proxy: a proxied request carries the absolute URL of a host that does not resolve
        component().setProxyHost("127.0.0.1");
        component().setProxyPort(simulator.port());

        Object body = template.requestBody("wechat:category?op=list&baseUrl=http://api.wechat.invalid", (Object) null);

        assertInstanceOf(SettingCategories.class, body);
        assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/getcategory"));
        assertEquals("api.wechat.invalid", requestsTo("/cgi-bin/wxopen/getcategory").get(0).headers().get("host")
                .get(0));
    }
}
