package io.camelwechat.component.wechat;

import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.language.ConstantExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Camel may start an endpoint while it sets a route up, before it starts the components (a parallel split's
 * processors, under camel-main): the endpoint starts its component first rather than failing the route.
 */
class StartOrderTest {

    private static final String ACCOUNT = "wx0000000000order1";
    private static final String SECRET = "order-secret-0123456789abcdef012";

    @Test
    void anEndpointStartedBeforeItsComponentStartsTheComponent() throws Exception {
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).build().start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("wechat.base", simulator.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:once?repeatCount=1").routeId("list-each")
                            .setBody(new ConstantExpression(ACCOUNT + "," + ACCOUNT)).split(body().tokenize(","))
                            .parallelProcessing()
                            .to("wechat:category?op=list&baseUrl={{wechat.base}}&appId=" + ACCOUNT + "&appSecret="
                                + SECRET)
                            .end();
                }
            });
            context.start();
            Conditions.awaitCondition(() -> simulator.requestCount("/cgi-bin/wxopen/getcategory") == 2);
            assertEquals(1, simulator.requestCount("/cgi-bin/stable_token"));
        }
    }
}
