package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.model.CategoryRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CamelWeChatAppId picks the account a message acts for, with that account's own token. */
class AccountSelectionTest extends WeChatTestSupport {

    private static final String SECOND_APP_ID = "wx0000000000test02";
    private static final String SECOND_SECRET = "second-secret-0123456789";

    @Test
    void appIdHeaderActsForAnotherConfiguredAccount() throws Exception {
        simulator.addAccount(SECOND_APP_ID, SECOND_SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // an endpoint configured for the second account makes its secret known to the component
                from("direct:second").to("wechat:category?op=list&appId=" + SECOND_APP_ID + "&appSecret=RAW("
                                         + SECOND_SECRET + ")");
            }
        });

        send("wechat:category?op=add", CategoryRequest.of(1, 2), WeChatConstants.APP_ID, SECOND_APP_ID);
        send("wechat:category?op=add", CategoryRequest.of(1, 5));

        assertEquals(2, simulator.account(SECOND_APP_ID).categories().get(0).second());
        assertEquals(5, simulator.account(APP_ID).categories().get(0).second());
        assertTrue(simulator.account(SECOND_APP_ID).categories().size() == 1
                   && simulator.account(APP_ID).categories().size() == 1, "each add reached one account only");
        assertNotEquals(simulator.stableToken(APP_ID), simulator.stableToken(SECOND_APP_ID));
        assertEquals(2, simulator.requestCount("/cgi-bin/stable_token"), "one token per account");
    }

    @Test
    void aStartedEndpointsAccount_isKnownToEveryEndpoint_beforeAnyProducerRuns() throws Exception {
        simulator.addAccount(SECOND_APP_ID, SECOND_SECRET);
        org.apache.camel.Endpoint second = context.getEndpoint("wechat:category?op=list&appId=" + SECOND_APP_ID
                                                               + "&appSecret=RAW(" + SECOND_SECRET + ")");
        org.apache.camel.support.service.ServiceHelper.startService(second);

        send("wechat:category?op=add", CategoryRequest.of(1, 2), WeChatConstants.APP_ID, SECOND_APP_ID);

        assertEquals(2, simulator.account(SECOND_APP_ID).categories().get(0).second());
    }
}
