package io.camelwechat.component.wechat.internal.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import io.camelwechat.simulator.WeChatPushes;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A push answered 500 comes back from WeChat with the same nonce: the retry is not a replay. */
class PushReceiverRetryTest {

    private static final String TOKEN = "camelwechattoken";
    private static final String COMPONENT = "wxcomponent000001";

    @Test
    void verifyTicketPush_whoseStoreFailedOnce_isAcceptedWhenWeChatSendsItAgain() throws Exception {
        AtomicInteger saves = new AtomicInteger();
        VerifyTicketStore failingOnce = new VerifyTicketStore() {
            @Override
            public Optional<String> load(String componentAppId) {
                return Optional.empty();
            }

            @Override
            public void save(String componentAppId, String ticket) {
                if (saves.incrementAndGet() == 1) {
                    throw new IllegalStateException("disk full");
                }
            }
        };
        Instant now = Instant.now();
        List<PushEvent> events = new ArrayList<>();
        PushReceiver receiver = new PushReceiver(new PushSettings(Secret.of(TOKEN), null, COMPONENT,
                "/wechat/platform", Duration.ofMinutes(5), 64 * 1024, null, Clock.fixed(now, java.time.ZoneOffset.UTC)),
                failingOnce, PushNonces.inMemory(Duration.ofMinutes(5)), events::add);
        String timestamp = String.valueOf(now.getEpochSecond());
        String query = "signature=" + WeChatPushes.signature(TOKEN, timestamp, "retry-1") + "&timestamp=" + timestamp
                       + "&nonce=retry-1";
        String xml = "<xml><AppId><![CDATA[" + COMPONENT + "]]></AppId><CreateTime>1</CreateTime><InfoType>"
                     + "<![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[ticket-1]]>"
                     + "</ComponentVerifyTicket></xml>";

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertEquals(500, post(receiver, context, query, xml), "the store failed: WeChat is asked to retry");
            assertEquals(200, post(receiver, context, query, xml), "the retry with the same nonce is accepted");
            assertEquals(403, post(receiver, context, query, xml), "after it was accepted, the same nonce is a replay");
        }
        assertEquals(2, saves.get());
        assertEquals(1, events.size());
    }

    @Test
    void aPushTheConsumerCouldNotTake_isAnswered500_andAcceptedWhenWeChatSendsItAgain() throws Exception {
        Instant now = Instant.now();
        List<PushEvent> events = new ArrayList<>();
        AtomicInteger handOffs = new AtomicInteger();
        PushReceiver receiver = new PushReceiver(new PushSettings(Secret.of(TOKEN), null, COMPONENT,
                "/wechat/platform", Duration.ofMinutes(5), 64 * 1024, null, Clock.fixed(now, java.time.ZoneOffset.UTC)),
                null, PushNonces.inMemory(Duration.ofMinutes(5)), event -> {
                    if (handOffs.incrementAndGet() == 1) {
                        throw new java.util.concurrent.RejectedExecutionException("the consumer is stopping");
                    }
                    events.add(event);
                });
        String timestamp = String.valueOf(now.getEpochSecond());
        String query = "signature=" + WeChatPushes.signature(TOKEN, timestamp, "handoff-1") + "&timestamp="
                       + timestamp + "&nonce=handoff-1";
        String xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1</CreateTime><MsgType>"
                     + "<![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertEquals(500, post(receiver, context, query, xml), "not handed on: WeChat is asked to retry");
            assertEquals(200, post(receiver, context, query, xml), "the retry with the same nonce is accepted");
        }
        assertEquals(1, events.size(), "delivered once, by the retry");
        assertEquals(1, receiver.status().accepted(), "the failed hand-off is not counted as accepted");
    }

    private static int post(PushReceiver receiver, DefaultCamelContext context, String query, String body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        exchange.getMessage().setBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        receiver.process(exchange);
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }
}
