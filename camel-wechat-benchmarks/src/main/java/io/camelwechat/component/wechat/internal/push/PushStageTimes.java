package io.camelwechat.component.wechat.internal.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import io.camelwechat.simulator.WeChatPushes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * The push receiver's stages timed one by one, in this thread, without HTTP: where a push's time goes inside the
 * receiver. Lives in the receiver's package (in the benchmarks module) to call its package-private stages; each
 * round runs every stage once on the same push, so all stages see the same machine.
 */
public final class PushStageTimes {

    /** The last stage: {@code PushReceiver.process} as a whole. */
    public static final String WHOLE_RECEIVER = "whole receiver: every check, the event, the answer";
    private static final int MAX_BODY = 64 * 1024;
    private static final VerifyTicketStore NO_TICKETS = new VerifyTicketStore() {
        @Override
        public Optional<String> load(String componentAppId) {
            return Optional.empty();
        }

        @Override
        public void save(String componentAppId, String ticket) {
            throw new IllegalStateException("no verify tickets in this benchmark");
        }
    };

    private PushStageTimes() {
    }

    /**
     * @param plainXml the event WeChat would encrypt; {@code now} is its timestamp
     * @return nanoseconds per stage (in the order a push meets them), {@code measured} samples each, after as many
     *         rounds unmeasured
     */
    public static Map<String, long[]> run(CamelContext context, String token, String aesKey, String appId,
                                          String plainXml, long now, int warmup, int measured) throws Exception {
        List<WeChatPushes.SignedPush> pushes = new ArrayList<>(warmup + measured);
        for (int i = 0; i < warmup + measured; i++) {
            pushes.add(WeChatPushes.builder(token, aesKey).receiveId(appId).timestamp(now).nonce("stage" + i)
                    .build(plainXml));
        }
        PushCrypto crypto = new PushCrypto(token, aesKey);
        PushNonces nonces = PushNonces.inMemory(Duration.ofMinutes(5));
        // the receiver's own nonces: the timed stage above has seen every nonce, which would read as replays
        PushReceiver receiver = new PushReceiver(new PushSettings(Secret.of(token), Secret.of(aesKey), appId,
                "/wechat/stages", Duration.ofMinutes(5), MAX_BODY, null, Clock.systemUTC()), NO_TICKETS,
                PushNonces.inMemory(Duration.ofMinutes(5)), event -> {
                });
        Map<String, long[]> times = new LinkedHashMap<>();
        for (String stage : List.of("query parameters", "outer XML (the Encrypt element)",
                "msg_signature (SHA-1, constant-time compare)", "nonce (replay check, in memory)",
                "decrypt (AES-256-CBC, padding, appid)", "inner XML (the event's fields)",
                WHOLE_RECEIVER)) {
            times.put(stage, new long[measured]);
        }
        long[][] columns = times.values().toArray(new long[0][]);
        for (int i = 0; i < warmup + measured; i++) {
            WeChatPushes.SignedPush push = pushes.set(i, null);
            String query = push.queryString();
            byte[] body = push.body().getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            Map<String, String> parameters = PushReceiver.query(query);
            long t1 = System.nanoTime();
            String encrypted = SafeXml.fields(body).get("Encrypt");
            long t2 = System.nanoTime();
            boolean signed = crypto.signatureMatches(parameters.get("msg_signature"), parameters.get("timestamp"),
                    parameters.get("nonce"), encrypted);
            long t3 = System.nanoTime();
            boolean first = nonces.firstSeen(parameters.get("nonce"));
            long t4 = System.nanoTime();
            PushCrypto.Decrypted decrypted = crypto.decrypt(encrypted);
            long t5 = System.nanoTime();
            Map<String, String> fields = SafeXml.fields(decrypted.message());
            long t6 = System.nanoTime();
            if (!signed || !first || fields.isEmpty()) {
                throw new IllegalStateException("push " + i + " did not pass: signed " + signed + ", first " + first);
            }
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
            exchange.getMessage().setBody(body);
            long t7 = System.nanoTime();
            receiver.process(exchange);
            long t8 = System.nanoTime();
            if (!"success".equals(exchange.getMessage().getBody())) {
                throw new IllegalStateException("push " + i + " was answered " + exchange.getMessage().getBody());
            }
            if (i >= warmup) {
                long[] at = {t0, t1, t2, t3, t4, t5, t6};
                for (int stage = 0; stage < 6; stage++) {
                    columns[stage][i - warmup] = at[stage + 1] - at[stage];
                }
                columns[6][i - warmup] = t8 - t7;
            }
        }
        return times;
    }
}
