package io.camelwechat.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelwechat.simulator.WeChatPushes;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The push receiver alone against its floor, in one run: a pre-built signed, encrypted push POSTed to
 * {@code wechat:events} (until its exchange reaches the route), then the same body POSTed to an empty
 * {@code platform-http} route on the same Vert.x server (until it answers), alternately, so that both see the same
 * machine. Every push is signed and encrypted before the first is sent: building one allocates more than the
 * receiver does, and would put the client's garbage collections into the receiver's figures. One request at a time on
 * a kept-alive HttpClient 5 connection each: closed loop, no schedule, so there is no coordinated omission to
 * correct; each sample is one request's own latency.
 */
final class ReceiverRounds {

    /** Latencies of the measured requests (the unmeasured warm-up is as long) and pushes whose exchange never came. */
    record Result(Latencies.Summary toExchange, Latencies.Summary answered, Latencies.Summary floor, int lost) {
    }

    private static final ContentType XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private ReceiverRounds() {
    }

    /**
     * @param arrivals where the route puts {@link System#nanoTime()} when an audit event reaches it
     * @param now      WeChat's clock (epoch seconds) for the pushes' timestamps
     */
    static Result run(int port, BlockingQueue<Long> arrivals, long now, int warmup, int measured) throws Exception {
        List<WeChatPushes.SignedPush> pushes = new ArrayList<>(warmup + measured);
        for (int i = 0; i < warmup + measured; i++) {
            pushes.add(WeChatPushes.builder(PushScenario.TOKEN, PushScenario.AES_KEY).receiveId(PushScenario.APP_ID)
                    .timestamp(now).nonce("receiver" + i).build(PushScenario.auditXml(now)));
        }
        String events = "http://127.0.0.1:" + port + "/wechat/events?";
        String ping = "http://127.0.0.1:" + port + "/bench/ping";
        String pingBody = PushScenario.auditXml(now);
        Latencies toExchange = new Latencies();
        Latencies answered = new Latencies();
        Latencies floor = new Latencies();
        int lost = 0;
        try (CloseableHttpClient pushClient = HttpClients.custom().disableAutomaticRetries().build();
             CloseableHttpClient pingClient = HttpClients.custom().disableAutomaticRetries().build()) {
            for (int i = 0; i < warmup + measured; i++) {
                WeChatPushes.SignedPush push = pushes.set(i, null); // sent once: let it go
                HttpPost post = new HttpPost(events + push.queryString());
                post.setEntity(new StringEntity(push.body(), XML));
                long started = System.nanoTime();
                String body = pushClient.execute(post, response -> EntityUtils.toString(response.getEntity()));
                long answer = System.nanoTime();
                Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
                if (arrived == null || !"success".equals(body)) {
                    lost++;
                    continue;
                }
                HttpPost empty = new HttpPost(ping);
                empty.setEntity(new StringEntity(pingBody, XML));
                long pingStarted = System.nanoTime();
                pingClient.execute(empty, response -> EntityUtils.toString(response.getEntity()));
                long pinged = System.nanoTime();
                if (i >= warmup) {
                    toExchange.record(arrived - started);
                    answered.record(answer - started);
                    floor.record(pinged - pingStarted);
                }
            }
        }
        return new Result(Latencies.merge(List.of(toExchange)), Latencies.merge(List.of(answered)),
                Latencies.merge(List.of(floor)), lost);
    }
}
