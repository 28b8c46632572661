package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.model.SettingCategories;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The component's HTTP client goes through the configured proxy. */
class TransportOptionsTest extends WeChatTestSupport {

    @Override
    protected WeChatComponent newComponent() {
        // the simulator plays the proxy: a proxied request carries the absolute URL of a host that does not resolve
        WeChatComponent component = super.newComponent();
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(simulator.port());
        component.getConfiguration().setBaseUrl("http://api.wechat.invalid/");
        return component;
    }

    @Test
    void proxy_requestsGoThroughTheProxyHost() {
        Object body = template.requestBody("wechat:category?op=list", (Object) null);

        assertInstanceOf(SettingCategories.class, body);
        assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/getcategory"));
        assertEquals("api.wechat.invalid", requestsTo("/cgi-bin/wxopen/getcategory").get(0).headers().get("host")
                .get(0));
    }
}
