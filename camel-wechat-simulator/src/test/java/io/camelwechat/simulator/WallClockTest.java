package io.camelwechat.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulator on a ticking clock, as the standalone jar runs: time passes without anyone moving the clock.
 * The source is a {@link MutableClock} so the tests decide how much time passes, instead of sleeping.
 */
class WallClockTest extends SimulatorTestSupport {

    private final MutableClock source = new MutableClock(START);

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        return builder.clock(SimulatorClock.following(source));
    }

    @Test
    void tokensCountDownAndExpireAsTimePasses() {
        Answer first = stableTokenCall(APP, SECRET, false);
        String token = first.json().get("access_token").asText();
        assertEquals(7200, first.json().get("expires_in").asInt());

        source.pass(Duration.ofSeconds(1000));
        assertEquals(6200, stableTokenCall(APP, SECRET, false).json().get("expires_in").asInt());
        source.pass(Duration.ofSeconds(6200));
        assertError(42001, apiGet(CategoryApiTest.LIST, token));
    }

    @Test
    void auditsEndAndMediaIdsExpireAsTimePasses() {
        sim.registerMedia(APP, "m");
        assertOk(apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[{\"first\":1,\"second\":2}]}"));
        source.pass(Duration.ofMinutes(10));
        assertEquals(CategoryState.APPROVED, sim.account(APP).category(1, 2).auditStatus());

        assertTrue(sim.account(APP).mediaIds().contains("m"));
        source.pass(Duration.ofDays(3));
        assertTrue(sim.account(APP).mediaIds().isEmpty());
    }

    @Test
    void dueVerifyTicketsArePushedWithoutAnyoneMovingTheClock() throws IOException, InterruptedException {
        sim.addComponent("wxcomponent000001", "secret");
        try (PushReceiver receiver = new PushReceiver(PushDeliveryTest.TOKEN, PushDeliveryTest.KEY)) {
            sim.pushVerifyTicketsTo("wxcomponent000001", receiver.url(), PushDeliveryTest.TOKEN, PushDeliveryTest.KEY);
            assertEquals(1, receiver.received().size(), "the first ticket goes out at once");

            source.pass(Duration.ofMinutes(10));
            // the ticker looks once a second: wait for it, with a bound, instead of moving the clock
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (receiver.received().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, receiver.received().size());
            assertEquals(String.valueOf(START.plus(Duration.ofMinutes(10)).getEpochSecond()),
                    receiver.received().get(1).field("CreateTime"));
        }
    }

    @Test
    void controlPathsTellWhetherTheClockTicks() {
        assertTrue(get("/__sim/clock").json().get("ticking").asBoolean());
    }
}
