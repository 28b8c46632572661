package io.camelwechat.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed, encrypted pushes to a loopback receiver that checks them with its own crypto, driven by the clock. */
class PushDeliveryTest extends ComponentTestSupport {

    static final String TOKEN = "pushtoken";
    static final String KEY = WeChatPushesTest.KEY;

    private PushReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new PushReceiver(TOKEN, KEY);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private void addCategory(int first, int second) {
        assertOk(apiPost(CategoryApiTest.ADD, token(),
                "{\"categories\":[{\"first\":" + first + ",\"second\":" + second + "}]}"));
    }

    private static void assertSigned(PushReceiver.Received push) {
        assertTrue(push.signatureValid(), "signature: " + push.rawQuery());
        assertTrue(push.msgSignatureValid(), "msg_signature: " + push.rawQuery());
        assertEquals("aes", push.query().get("encrypt_type"));
    }

    @Test
    void approvedAuditIsPushedOnceWhenTheClockPassesTheDelay() {
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(0, receiver.received().size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, receiver.received().size(), "pushed before advance() returned");

        PushReceiver.Received push = receiver.received().get(0);
        assertSigned(push);
        assertTrue(push.rawQuery().matches(
                "signature=[0-9a-f]{40}&timestamp=\\d+&nonce=\\d{10}&encrypt_type=aes&msg_signature=[0-9a-f]{40}"),
                push.rawQuery());
        assertEquals(String.valueOf(clock.now().getEpochSecond()), push.query().get("timestamp"));
        assertEquals(APP, push.receiveId());
        assertEquals("ToUserName", push.outerName());
        assertEquals(PushXml.originalId(APP), push.outerValue());
        assertTrue(push.outerValue().matches("gh_[0-9a-f]{12}"), push.outerValue());
        assertEquals(List.of("ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "ret", "first",
                "second", "reason"), List.copyOf(push.fields().keySet()));
        assertEquals(push.outerValue(), push.field("ToUserName"));
        assertTrue(push.field("FromUserName").matches("o[A-Za-z0-9_-]{27}"), push.field("FromUserName"));
        assertEquals(String.valueOf(START.plus(Duration.ofMinutes(10)).getEpochSecond()), push.field("CreateTime"));
        assertEquals("event", push.field("MsgType"));
        assertEquals("wxa_category_audit", push.field("Event"));
        assertEquals("3", push.field("ret"));
        assertEquals("1", push.field("first"));
        assertEquals("2", push.field("second"));
        assertEquals("", push.field("reason"));

        // reads, requests and more time do not push it again
        assertEquals(3, apiGet(CategoryApiTest.LIST, token()).json().at("/categories/0/audit_status").asInt());
        sim.account(APP);
        clock.advance(Duration.ofHours(1));
        assertEquals(1, receiver.received().size());

        List<PushRecord> records = sim.pushes();
        assertEquals(1, records.size());
        PushRecord record = records.get(0);
        assertEquals(receiver.url(), record.url());
        assertEquals(PushRecord.CATEGORY_AUDIT, record.kind());
        assertEquals(push.plaintext(), record.plaintextXml());
        assertEquals(200, record.httpStatus());
        assertEquals("success", record.responseBody());
        assertEquals(START.plus(Duration.ofMinutes(10)), record.at());
        assertEquals(1, record.attempt());
        assertTrue(record.delivered());
        assertNull(record.failure());
    }

    @Test
    void rejectedAuditPushCarriesTheReason() {
        String reason = "名称与类目不符 ]]> <b>&";
        sim.setAuditOutcome(APP, 1, 2, reason);
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        addCategory(1, 5);
        clock.advance(Duration.ofMinutes(15));

        List<PushReceiver.Received> pushes = receiver.received();
        assertEquals(2, pushes.size());
        pushes.forEach(PushDeliveryTest::assertSigned);
        PushReceiver.Received rejected = pushes.get(0); // audits end in the order they were submitted
        assertEquals("2", rejected.field("second"));
        assertEquals("2", rejected.field("ret"));
        assertEquals(reason, rejected.field("reason"));
        PushReceiver.Received approved = pushes.get(1);
        assertEquals("5", approved.field("second"));
        assertEquals("3", approved.field("ret"));
        assertEquals("", approved.field("reason"));
    }

    @Test
    void modifiedCategoryIsPushedAgainWhenItsNewAuditEnds() {
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(8, 39); // sensitive, no certificate: rejected
        clock.advance(Duration.ofMinutes(10));
        assertOk(apiPost(CategoryApiTest.MODIFY, token(), "{\"first\":8,\"second\":39,\"certicates\":[]}"));
        sim.setAuditOutcome(APP, 8, 39, null);
        clock.advance(Duration.ofMinutes(10));

        List<PushReceiver.Received> pushes = receiver.received();
        assertEquals(List.of("2", "3"), pushes.stream().map(p -> p.field("ret")).toList());
        assertEquals(AuditRules.MISSING_QUALIFICATION_REASON, pushes.get(0).field("reason"));
    }

    @Test
    void verifyTicketIsPushedAtOnceThenEveryTenMinutesAndWorks() {
        sim.pushVerifyTicketsTo(COMPONENT, receiver.url(), TOKEN, KEY);
        assertEquals(1, receiver.received().size(), "the first ticket goes out at once");

        PushReceiver.Received first = receiver.received().get(0);
        assertSigned(first);
        assertEquals(COMPONENT, first.receiveId());
        assertEquals("AppId", first.outerName());
        assertEquals(COMPONENT, first.outerValue());
        assertEquals(List.of("AppId", "CreateTime", "InfoType", "ComponentVerifyTicket"),
                List.copyOf(first.fields().keySet()));
        assertEquals(COMPONENT, first.field("AppId"));
        assertEquals(String.valueOf(START.getEpochSecond()), first.field("CreateTime"));
        assertEquals("component_verify_ticket", first.field("InfoType"));
        Answer token = componentTokenCall(COMPONENT, COMPONENT_SECRET, first.field("ComponentVerifyTicket"));
        assertTrue(token.json().has("component_access_token"), "the pushed ticket is a real one: " + token.body());

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(1, receiver.received().size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, receiver.received().size());
        clock.advance(Duration.ofMinutes(30)); // three more slots, caught up in order
        List<PushReceiver.Received> pushes = receiver.received();
        assertEquals(5, pushes.size());
        for (int i = 0; i < pushes.size(); i++) {
            assertSigned(pushes.get(i));
            assertEquals(String.valueOf(START.plus(Duration.ofMinutes(10L * i)).getEpochSecond()),
                    pushes.get(i).field("CreateTime"));
        }
        assertEquals(5, new HashSet<>(pushes.stream().map(p -> p.field("ComponentVerifyTicket")).toList()).size());
        assertTrue(sim.pushes().stream().allMatch(r -> r.kind().equals(PushRecord.VERIFY_TICKET) && r.delivered()));
        assertEquals(0, receiver.received().stream().filter(p -> p.field("Event") != null).count());
    }

    @Test
    void failedPushIsRetriedAtTheNextClockMovesOnly() {
        receiver.answer(500, "oops").answer(200, "fail");
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, sim.pushes().size());
        assertEquals(500, sim.pushes().get(0).httpStatus());
        assertEquals("HTTP 500", sim.pushes().get(0).failure());

        apiGet(CategoryApiTest.LIST, token()); // requests and reads do not retry: only the clock does
        sim.account(APP);
        assertEquals(1, sim.pushes().size());

        clock.advance(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        List<PushRecord> records = sim.pushes();
        assertEquals(List.of(1, 2, 3), records.stream().map(PushRecord::attempt).toList());
        assertEquals("fail", records.get(1).responseBody());
        assertFalse(records.get(1).delivered());
        assertTrue(records.get(2).delivered());
        assertEquals(START.plus(Duration.ofMinutes(10)).plusSeconds(2), records.get(2).at());
        assertEquals(1, records.stream().map(PushRecord::plaintextXml).distinct().count(), "the same message");

        List<PushReceiver.Received> received = receiver.received();
        assertEquals(3, received.size());
        received.forEach(PushDeliveryTest::assertSigned);
        assertNotEquals(received.get(0).query().get("nonce"), received.get(2).query().get("nonce"));
        assertEquals(String.valueOf(records.get(2).at().getEpochSecond()), received.get(2).query().get("timestamp"));
    }

    @Test
    void unreachableCallbackIsTriedFourTimesThenDropped() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/callback";
        }
        sim.pushTo(APP, closed, TOKEN, KEY);
        addCategory(1, 2);
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(10));
        }
        List<PushRecord> records = sim.pushes();
        assertEquals(List.of(1, 2, 3, 4), records.stream().map(PushRecord::attempt).toList());
        assertTrue(records.stream().allMatch(r -> r.httpStatus() == 0 && r.responseBody() == null
                && r.failure() != null && !r.delivered()), records.toString());

        sim.clearPushes();
        assertEquals(List.of(), sim.pushes());
    }

    @Test
    void nothingIsPushedWithoutATarget() {
        sim.pushTo(OTHER_APP, receiver.url(), TOKEN, KEY); // another account's target does not catch APP's audits
        addCategory(1, 2);
        sim.issueVerifyTicket(COMPONENT);
        clock.advance(Duration.ofHours(1));
        sim.account(APP);
        assertEquals(3, sim.account(APP).category(1, 2).auditStatus());
        assertEquals(List.of(), receiver.received());
        assertEquals(List.of(), sim.pushes());
    }

    @Test
    void auditsThatEndedBeforePushToAreNotPushed() {
        addCategory(1, 2);
        clock.advance(Duration.ofMinutes(20)); // ended, but nobody has looked yet
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 5);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of("5"), receiver.received().stream().map(p -> p.field("second")).toList());
    }

    @Test
    void concurrentReadsAndClockMovesPushEachAuditExactlyOnce() throws Exception {
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        addCategory(1, 5);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean http = i % 2 == 0;
                readers.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 20; n++) {
                        if (http) {
                            apiGet(CategoryApiTest.LIST, token());
                        } else {
                            sim.account(APP);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            clock.advance(Duration.ofSeconds(1));
            for (Future<?> reader : readers) {
                reader.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("2", "5"), receiver.received().stream().map(p -> p.field("second")).sorted().toList());
        assertEquals(2, sim.pushes().size());
    }

    @Test
    void receiverMayCallTheSimulatorBackWhileHandlingThePush() {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicInteger stateReads = new AtomicInteger();
        receiver.onPush(push -> {
            seen.set(apiGet(CategoryApiTest.LIST, token()).json().at("/categories/0/audit_status").asText());
            stateReads.addAndGet(sim.account(APP).categories().size());
            sim.clock().now();
            sim.port();
        });
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        long started = System.nanoTime();
        clock.advance(Duration.ofMinutes(10));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "no lock held during the push");
        assertEquals("3", seen.get());
        assertEquals(1, stateReads.get());
        assertTrue(sim.pushes().get(0).delivered());
    }

    @Test
    void stoppedSimulatorPushesNothingUntilStartedAgain() {
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        sim.stop();
        clock.advance(Duration.ofMinutes(10));
        assertEquals(3, sim.account(APP).category(1, 2).auditStatus());
        assertEquals(List.of(), receiver.received());

        sim.start();
        assertEquals(1, receiver.received().size(), "sent when the simulator starts again");
        assertEquals(String.valueOf(START.plus(Duration.ofMinutes(10)).getEpochSecond()),
                receiver.received().get(0).field("CreateTime"));
    }

    @Test
    void controlPathClockMovesPushToo() {
        sim.pushTo(APP, receiver.url(), TOKEN, KEY);
        addCategory(1, 2);
        assertEquals(200, post("/__sim/clock/advance?seconds=600", null, new byte[0]).status());
        assertEquals(1, receiver.received().size());
    }

    @Test
    void invalidTargetsAreRejected() {
        String url = receiver.url();
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo("wxunknown", url, TOKEN, KEY));
        assertThrows(IllegalArgumentException.class, () -> sim.pushVerifyTicketsTo(APP, url, TOKEN, KEY),
                "an account is not a component");
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo(APP, url, TOKEN, KEY.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo(APP, url, TOKEN, KEY.substring(1) + "!"));
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo(APP, url, " ", KEY));
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo(APP, "ftp://127.0.0.1/x", TOKEN, KEY));
        assertThrows(IllegalArgumentException.class, () -> sim.pushTo(APP, "callback", TOKEN, KEY));
        assertThrows(IllegalArgumentException.class, () -> sim.pushVerifyTicketsTo(COMPONENT, url, TOKEN, "short"));
        assertEquals(List.of(), sim.pushes());
    }
}
