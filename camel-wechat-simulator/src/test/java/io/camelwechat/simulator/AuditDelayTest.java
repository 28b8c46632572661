package io.camelwechat.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The builder's audit delay replaces the 10-minute default. */
class AuditDelayTest extends SimulatorTestSupport {

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.auditDelay(Duration.ofSeconds(30));
    }

    @Test
    void auditEndsAfterTheConfiguredDelay() {
        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(CategoryState.UNDER_REVIEW, sim.account(APP).category(1, 2).auditStatus());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(CategoryState.APPROVED, sim.account(APP).category(1, 2).auditStatus());
    }
}
