package io.camelwechat.component.wechat;


import io.camelwechat.component.wechat.model.IndustryInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where WeChat's answers differ from what a client might assume: errmsg carries a request id, the content type
 * names no charset, a forced stable_token refresh within 30 s returns the current token.
 */
class WeChatAnswerFidelityTest extends WeChatTestSupport {

    @Test
    void errmsg_isKeptAsWeChatSentIt_requestIdIncluded() {
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 53303, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class, "wechat:category?op=list", null);

        assertEquals(53303, failure.getErrcode());
        assertTrue(failure.getErrmsg().matches(".+ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}"),
                "WeChat appends a request id; clients must not compare errmsg exactly: " + failure.getErrmsg());
        assertTrue(failure.getMessage().contains(failure.getErrmsg()), failure.getMessage());
    }

    @Test
    void answers_areDecodedAsUtf8_whateverTheContentTypeSays() {
        template.requestBodyAndHeaders("wechat:industry?op=set", null,
                java.util.Map.of(WeChatConstants.INDUSTRY_ID1, 13, WeChatConstants.INDUSTRY_ID2, 1));
        // WeChat's own header: "encoding", not "charset"
        IndustryInfo weChats = template.requestBody("wechat:industry?op=get", null, IndustryInfo.class);
        // and a header naming another charset for the same UTF-8 bytes
        simulator.faults().rawBodyNext("/cgi-bin/template/get_industry", "application/json; charset=ISO-8859-1",
                "{\"primary_industry\":{\"first_class\":\"运输与仓储\",\"second_class\":\"快递\"},"
                + "\"secondary_industry\":{\"first_class\":\"IT科技\",\"second_class\":\"互联网|电子商务\"}}", 1);
        IndustryInfo mislabelled = template.requestBody("wechat:industry?op=get", null, IndustryInfo.class);

        assertEquals("运输与仓储", weChats.primaryIndustry().firstClass());
        assertEquals("快递", weChats.primaryIndustry().secondClass());
        assertEquals(weChats.primaryIndustry(), mislabelled.primaryIndustry());
        assertEquals("互联网|电子商务", mislabelled.secondaryIndustry().secondClass());
    }

    @Test
    void aForcedRefreshThatWeChatAnswersWithTheSameToken_failsSayingSo_withoutASecondRetry() throws Exception {
        forceRefreshAsAnotherNode(); // WeChat refreshes no stable token again for 30 s
        template.requestBody("wechat:category?op=list&allowForceRefresh=true", (Object) null);
        simulator.faults().failNext("/cgi-bin/wxopen/getcategory", 40001, 1);

        WeChatApiException failure = sendExpecting(WeChatApiException.class,
                "wechat:category?op=list&allowForceRefresh=true", null);

        assertEquals(40001, failure.getErrcode());
        assertTrue(failure.getMessage().contains("a forced refresh returned it too (WeChat refreshes at most once in "
                                                 + "30 s"), failure.getMessage());
        assertEquals(2, simulator.requestCount("/cgi-bin/wxopen/getcategory"), "the same token is not sent again");
        long forced = simulator.requests().stream()
                .filter(request -> request.bodyText().contains("\"force_refresh\":true")).count();
        assertEquals(2, forced, "the other node's and ours, which WeChat answered with the current token");
    }
}
