package io.camelwechat.component.wechat;

import java.util.List;
import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wechat:api reaches any WeChat API with the modelled operations' token handling and errcode mapping. */
class GenericApiTest extends WeChatTestSupport {

    @Test
    void get_answersTheJsonAsAMap() {
        Map<?, ?> answer = assertInstanceOf(Map.class,
                template.requestBody("wechat:api?method=GET&path=/cgi-bin/wxopen/getcategory", (Object) null));

        assertEquals(20, answer.get("category_limit"));
        assertEquals(List.of(), answer.get("categories"));
        assertEquals(1, simulator.requestCount("/cgi-bin/stable_token"));
    }

    @Test
    void post_sendsAMapRecordOrJsonTextAsJson() {
        template.requestBody("wechat:api?path=/cgi-bin/wxopen/addcategory",
                Map.of("categories", List.of(Map.of("first", 1, "second", 2, "certicates", List.of()))));
        template.requestBody("wechat:api?path=/cgi-bin/wxopen/addcategory",
                "{\"categories\":[{\"first\":1,\"second\":5,\"certicates\":[]}]}");
        template.requestBody("wechat:api?path=/cgi-bin/wxopen/addcategory", new Categories(List.of(new Category(1, 558))));

        assertEquals(3, simulator.account(APP_ID).categories().size());
        assertTrue(requestsTo("/cgi-bin/wxopen/addcategory").get(1).bodyText().startsWith("{\"categories\""));
    }

    record Category(int first, int second) {
    }

    record Categories(List<Category> categories) {
    }

    @Test
    void errcodes_andStaleTokens_areHandledAsForModelledOperations() {
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class,
                "wechat:api?method=GET&path=/cgi-bin/wxopen/getcategory&tokenMode=classic", null);
        assertEquals(40001, failure.getErrcode());
        assertEquals("getcategory", failure.getApi());
        assertEquals(2, simulator.requestCount("/cgi-bin/wxopen/getcategory"), "retried once, never more");

        Map<String, Object> category = Map.of("categories", List.of(Map.of("first", 1, "second", 2,
                "certicates", List.of())));
        template.requestBody("wechat:api?path=/cgi-bin/wxopen/addcategory", category);
        WeChatApiException duplicate = sendExpecting(WeChatApiException.class,
                "wechat:api?path=/cgi-bin/wxopen/addcategory", category);
        assertEquals(53304, duplicate.getErrcode());

        simulator.faults().failNext("/cgi-bin/wxopen/addcategory", -1, 1);
        assertEquals(-1, sendExpecting(WeChatApiException.class, "wechat:api?path=/cgi-bin/wxopen/addcategory",
                category).getErrcode(), "a POST is a write: a busy answer is not retried");
    }

    @Test
    void aPathOutsideTheWeChatApisIsRejectedAtCreation() {
        for (String path : new String[] { "/sns/oauth2", "http://evil.example/cgi-bin/x", "/cgi-bin/../admin",
                                          "/cgi-bin/x?access_token=mine" }) {
            ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("wechat:api?path=" + path.replace("?", "%3F").replace("&", "%26")));
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("under /cgi-bin/ or /wxa/"), root.getMessage());
        }
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void textThatIsNotJson_isRejectedBeforeAnyCall() {
        IllegalArgumentException failure = sendExpecting(IllegalArgumentException.class,
                "wechat:api?path=/cgi-bin/wxopen/addcategory", "first=1&second=2");

        assertTrue(failure.getMessage().contains("wechat:api body is text but not JSON"), failure.getMessage());
        assertEquals(0, simulator.totalRequests());
    }

    @Test
    void anOperationHeaderLeftByAnEarlierCall_isNotForWeChatApi() {
        Map<?, ?> answer = assertInstanceOf(Map.class, template.requestBodyAndHeader(
                "wechat:api?method=GET&path=/cgi-bin/wxopen/getcategory", null, WeChatConstants.OPERATION, "add"));

        assertEquals(20, answer.get("category_limit"));
    }
}
