package io.camelwechat.simulator;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a zero audit delay an audit ends without the clock moving: the request that notices it pushes it. */
class PushOnRequestTest extends SimulatorTestSupport {

    private PushReceiver receiver;

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.auditDelay(Duration.ZERO);
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theRequestThatEndsAnAuditPushesItBeforeAnswering() throws IOException {
        receiver = new PushReceiver(PushDeliveryTest.TOKEN, PushDeliveryTest.KEY);
        sim.pushTo(APP, receiver.url(), PushDeliveryTest.TOKEN, PushDeliveryTest.KEY);
        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));

        assertEquals(1, receiver.received().size(), "pushed before the add was answered");
        assertEquals("3", receiver.received().get(0).field("ret"));
        assertEquals(String.valueOf(START.getEpochSecond()), receiver.received().get(0).field("CreateTime"));
        apiGet(CategoryApiTest.LIST, token());
        sim.account(APP);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, receiver.received().size());
    }
}
