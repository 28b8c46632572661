package io.camelwechat.component.wechat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseTimeoutTest extends WeChatTestSupport {

    private static final String STATIC_TOKEN = "static-token-of-the-timeout-test";

    @Override
    protected WeChatComponent newComponent() {
        WeChatComponent component = super.newComponent();
        component.setResponseTimeout(200);
        return component;
    }

    @Test
    void noAnswerWithinResponseTimeout_failsNamingTheApiWithoutTheToken() {
        simulator.faults().latency(Duration.ofSeconds(2));

        WeChatHttpException failure = sendExpecting(WeChatHttpException.class,
                "wechat:category?op=list&tokenMode=static&accessToken=RAW(" + STATIC_TOKEN + ")", null);

        assertTrue(failure.getMessage().contains("getSettingCategories (GET /cgi-bin/wxopen/getcategory) failed: no "
                                                 + "answer within responseTimeout 200 ms"), failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(STATIC_TOKEN), cause.toString());
        }
    }

    @Test
    void aWriteThatTimedOut_isNeverRetried_evenWithRetryWrites() {
        simulator.faults().latency(Duration.ofSeconds(2));

        sendExpecting(WeChatHttpException.class, "wechat:category?op=add&retryWrites=true&tokenMode=static"
                                                 + "&accessToken=RAW(" + STATIC_TOKEN + ")",
                io.camelwechat.component.wechat.model.CategoryRequest.of(1, 2));

        assertEquals(1, simulator.requestCount("/cgi-bin/wxopen/addcategory"), "WeChat may have applied it");
    }
}
