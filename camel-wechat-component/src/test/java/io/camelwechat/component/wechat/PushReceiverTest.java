package io.camelwechat.component.wechat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.model.CategoryAuditEvent;
import io.camelwechat.component.wechat.spi.InMemoryVerifyTicketStore;
import io.camelwechat.simulator.WeChatPushes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wechat:events over platform-http: what WeChat sends is accepted, everything forged or malformed is refused. */
class PushReceiverTest extends WeChatTestSupport {

    static final String TOKEN = "camelwechattoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String COMPONENT = "wxcomponent000001";

    private final int port = AvailablePortFinder.getNextAvailable();
    private final List<Exchange> events = Collections.synchronizedList(new ArrayList<>());
    private final InMemoryVerifyTicketStore tickets = new InMemoryVerifyTicketStore();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // let oversized pushes reach the receiver's own limit
        PushServers.addTo(context, port).setMaxBodySize(20L * 1024 * 1024);
        context.getRegistry().bind("tickets", tickets);
        return context;
    }

    @BeforeEach
    void receive() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:events?path=/wechat/events&token=RAW(" + TOKEN + ")&encodingAesKey=RAW(" + AES_KEY
                     + ")&appId=" + APP_ID + "&timestampWindow=3600000").routeId("events")
                        .process(exchange -> events.add(exchange.copy()));
                from("wechat:events?path=/wechat/platform&token=RAW(" + TOKEN + ")&encodingAesKey=RAW(" + AES_KEY
                     + ")&appId=" + COMPONENT + "&verifyTicketStore=#tickets").routeId("platform")
                        .process(exchange -> events.add(exchange.copy()));
                from("wechat:events?path=/wechat/plain&token=RAW(" + TOKEN + ")&appId=" + APP_ID).routeId("plain")
                        .process(exchange -> events.add(exchange.copy()));
            }
        });
    }

    static String auditXml(int ret, String reason) {
        return "<xml><ToUserName><![CDATA[gh_0000test01]]></ToUserName><FromUserName><![CDATA[o000]]></FromUserName>"
               + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
               + "<Event><![CDATA[wxa_category_audit]]></Event><ret>" + ret + "</ret><first>8</first>"
               + "<second>39</second><reason><![CDATA[" + reason + "]]></reason></xml>";
    }

    private WeChatPushes.Builder push() {
        return WeChatPushes.builder(TOKEN, AES_KEY).receiveId(APP_ID).timestamp(Instant.now().getEpochSecond())
                .nonce(String.valueOf(System.nanoTime()));
    }

    private HttpResponse<String> post(String path, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/xml").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(WeChatPushes.SignedPush push) throws Exception {
        return post("/wechat/events", push.queryString(), push.body());
    }

    @Test
    void urlVerification_answersTheEchostrOnlyWithAValidSignature() throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String good = WeChatPushes.signature(TOKEN, timestamp, "42");
        String forgedSignature = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/events?signature=" + good + "&timestamp=" + timestamp + "&nonce=42&echostr=hello-wechat"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/events?signature=" + forgedSignature + "&timestamp=" + timestamp
                + "&nonce=42&echostr=hello-wechat")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, verified.statusCode());
        assertEquals("hello-wechat", verified.body());
        assertEquals(403, forged.statusCode());
        assertTrue(events.isEmpty());
    }

    @Test
    void safeModeAuditPush_isAcceptedAndEmittedAsATypedEvent() throws Exception {
        HttpResponse<String> answer = post(push().build(auditXml(2, "缺少资质")));

        assertEquals(200, answer.statusCode());
        assertEquals("success", answer.body());
        awaitEvents(1);
        Exchange event = events.get(0);
        CategoryAuditEvent audit = assertInstanceOf(CategoryAuditEvent.class, event.getMessage().getBody());
        assertEquals(8, audit.first());
        assertEquals(39, audit.second());
        assertEquals(2, audit.ret());
        assertEquals("缺少资质", audit.reason());
        assertEquals("gh_0000test01", audit.toUserName());
        assertEquals("wxa_category_audit", event.getMessage().getHeader(WeChatConstants.EVENT_TYPE));
        assertEquals(APP_ID, event.getMessage().getHeader(WeChatConstants.APP_ID));
        assertEquals(8, event.getMessage().getHeader(WeChatConstants.CATEGORY_FIRST));
    }

    @Test
    void verifyTicketPush_isSavedForTheTokenManagerAndEmittedAsAMap() throws Exception {
        String ticket = "ticket@@@pushed-0001";
        WeChatPushes.SignedPush push = WeChatPushes.builder(TOKEN, AES_KEY).receiveId(COMPONENT)
                .timestamp(Instant.now().getEpochSecond()).nonce("777")
                .build("<xml><AppId><![CDATA[" + COMPONENT + "]]></AppId><CreateTime>1</CreateTime><InfoType>"
                       + "<![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[" + ticket
                       + "]]></ComponentVerifyTicket></xml>");

        assertEquals(200, post("/wechat/platform", push.queryString(), push.body()).statusCode());

        assertEquals(ticket, tickets.load(COMPONENT).orElseThrow());
        awaitEvents(1);
        Map<?, ?> fields = assertInstanceOf(Map.class, events.get(0).getMessage().getBody());
        assertEquals("component_verify_ticket", fields.get("InfoType"));
        assertFalse(fields.containsValue(ticket), "the ticket is a credential: it stays out of the message");
    }

    @Test
    void plainModePush_withAValidSignature_isAccepted() throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String query = "signature=" + WeChatPushes.signature(TOKEN, timestamp, "plain-1") + "&timestamp=" + timestamp
                       + "&nonce=plain-1";

        assertEquals(200, post("/wechat/plain", query, auditXml(3, "")).statusCode());
        awaitEvents(1);
        assertEquals(3, events.get(0).getMessage().getBody(CategoryAuditEvent.class).ret());
    }

    @Test
    void safeModeEndpoint_refusesAPlainModeDowngrade_evenWithAVerificationsSignature() throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = WeChatPushes.signature(TOKEN, timestamp, "seen-in-an-access-log");
        String verification = "signature=" + signature + "&timestamp=" + timestamp + "&nonce=seen-in-an-access-log";
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/plain?" + verification + "&echostr=ok")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verified.statusCode());

        assertEquals(400, post("/wechat/events", verification, auditXml(3, "forged")).statusCode(),
                "no unsigned body on a safe-mode endpoint");
        assertEquals(403, post("/wechat/plain", verification, auditXml(3, "forged")).statusCode(),
                "the verification's nonce cannot sign a push later");
        HttpResponse<String> replayedVerification = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port + "/wechat/plain?" + verification + "&echostr=ok")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, replayedVerification.statusCode(), "a replayed verification is refused too");
        assertTrue(events.isEmpty());
    }

    @Test
    void answers_sayNothingAboutWhyAndEchoNoRequestHeader() throws Exception {
        WeChatPushes.SignedPush otherApp = push().receiveId("wxsomeoneelse00001").build(auditXml(3, ""));
        HttpResponse<String> rejected = post(otherApp);
        HttpResponse<String> accepted = post(push().build(auditXml(3, "")));

        assertEquals("rejected", rejected.body());
        assertEquals("success", accepted.body());
        for (HttpResponse<String> answer : List.of(rejected, accepted)) {
            for (String echoed : List.of("signature", "msg_signature", "nonce", "timestamp", "encrypt_type")) {
                assertTrue(answer.headers().firstValue(echoed).isEmpty(), echoed + " echoed in " + answer.headers());
            }
        }
    }

    @Test
    void everyForgedOrMalformedPushIsRefusedWithoutAnExchange() throws Exception {
        long now = Instant.now().getEpochSecond();
        WeChatPushes.SignedPush valid = push().nonce("replayed").build(auditXml(3, ""));
        WeChatPushes.SignedPush stale = push().timestamp(now - 7200).build(auditXml(3, ""));
        WeChatPushes.SignedPush otherApp = push().receiveId("wxsomeoneelse00001").build(auditXml(3, ""));
        WeChatPushes.SignedPush badPadding = push().paddingByte(0).build(auditXml(3, ""));
        WeChatPushes.SignedPush wrongPadding = push().paddingByte(33).build(auditXml(3, ""));
        String forgedQuery = valid.queryString().replace(valid.msgSignature(),
                WeChatPushes.signature("not-the-token", valid.timestamp(), valid.nonce(), "x"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                     + "<xml><ToUserName>&xxe;</ToUserName><Encrypt>AAAA</Encrypt></xml>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                        + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;"
                        + "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><xml><Encrypt>&lol3;</Encrypt></xml>";
        String plainXxeQuery = "signature=" + WeChatPushes.signature(TOKEN, String.valueOf(now), "xxe") + "&timestamp="
                               + now + "&nonce=xxe";
        String tenMegabytes = "<xml><Encrypt>" + "A".repeat(10 * 1024 * 1024) + "</Encrypt></xml>";

        assertEquals(200, post(valid).statusCode(), "the original is fine");
        assertEquals(403, post(valid).statusCode(), "replayed nonce");
        assertEquals(403, post("/wechat/events", forgedQuery, valid.body()).statusCode(), "forged msg_signature");
        assertEquals(403, post(stale).statusCode(), "stale timestamp");
        assertEquals(403, post(otherApp).statusCode(), "encrypted for another appid");
        assertEquals(400, post(badPadding).statusCode(), "padding byte 0");
        assertEquals(400, post(wrongPadding).statusCode(), "padding byte 33");
        assertEquals(400, post("/wechat/events", valid.queryString().replace("replayed", "xxe-1"), xxe).statusCode(),
                "XXE");
        assertEquals(400, post("/wechat/plain", plainXxeQuery, xxe).statusCode(), "XXE in plain mode");
        assertEquals(403, post(push().paddingByte(5).build(auditXml(3, ""))).statusCode(),
                "padding bytes that disagree with the real length: the appid check catches the garbled tail");
        assertEquals(400, post("/wechat/events", valid.queryString().replace("replayed", "lol-1"), laughs).statusCode(),
                "billion laughs");
        assertEquals(413, post("/wechat/events", valid.queryString(), tenMegabytes).statusCode(), "10 MB body");

        assertEquals(200, post(push().build(auditXml(2, "still healthy"))).statusCode(), "the consumer stays healthy");
        awaitEvents(2);
        assertEquals(2, events.size(), "only the two valid pushes became exchanges");
        assertEquals("still healthy", events.get(1).getMessage().getBody(CategoryAuditEvent.class).reason());
    }

    @Test
    void roundTrip_theSimulatorPushesAnAuditResultToTheReceiver() throws Exception {
        simulator.pushTo(APP_ID, "http://127.0.0.1:" + port + "/wechat/events", TOKEN, AES_KEY);
        simulator.registerMedia(APP_ID, "media-1");
        template.requestBody("wechat:category?op=add", io.camelwechat.component.wechat.model.CategoryRequest.of(8, 39,
                io.camelwechat.component.wechat.model.Certificate.of("《因私出入境中介机构经营许可证》", "media-1")));

        simulator.clock().advance(Duration.ofMinutes(11));

        awaitEvents(1);
        CategoryAuditEvent audit = events.get(0).getMessage().getBody(CategoryAuditEvent.class);
        assertEquals(3, audit.ret());
        assertEquals(APP_ID, audit.appId());
        assertEquals("success", simulator.pushes().get(0).responseBody());
    }

    @Test
    void pushAndPollTogether_giveOneWatcherMessagePerTransition() throws Exception {
        List<String> changes = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&appId=" + APP_ID).routeId("watch")
                        .process(exchange -> changes.add(exchange.getMessage()
                                .getBody(io.camelwechat.component.wechat.model.CategoryChange.class).type() + " "
                                                         + exchange.getMessage().getHeader(WeChatConstants.AUDIT_STATUS)));
            }
        });
        io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer watcher
                = (io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer) context.getRoute("watch").getConsumer();
        simulator.pushTo(APP_ID, "http://127.0.0.1:" + port + "/wechat/events", TOKEN, AES_KEY);
        io.camelwechat.component.wechat.internal.watcher.WatcherProbe.poll(watcher);
        simulator.registerMedia(APP_ID, "media-1");
        template.requestBody("wechat:category?op=add", io.camelwechat.component.wechat.model.CategoryRequest.of(8, 39,
                io.camelwechat.component.wechat.model.Certificate.of("《因私出入境中介机构经营许可证》", "media-1")));
        io.camelwechat.component.wechat.internal.watcher.WatcherProbe.poll(watcher);

        simulator.clock().advance(Duration.ofMinutes(11)); // the audit ends: WeChat pushes, the push hints the watcher

        awaitCondition(() -> changes.size() >= 2, Conditions.DEFAULT_TIMEOUT, () -> "2 changes, got " + changes);
        assertEquals(List.of("ADDED 1", "STATUS_CHANGED 3"), changes, "the push made the watcher check at once");
        assertEquals(0, io.camelwechat.component.wechat.internal.watcher.WatcherProbe.poll(watcher),
                "the poll sees the same transition: no second message");
        assertEquals(List.of("ADDED 1", "STATUS_CHANGED 3"), changes);
    }

    private void awaitEvents(int count) throws InterruptedException {
        awaitCondition(() -> events.size() >= count, Conditions.DEFAULT_TIMEOUT,
                () -> "expected " + count + " events, got " + events.size());
    }
}
