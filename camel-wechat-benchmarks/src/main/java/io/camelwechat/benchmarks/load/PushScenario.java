package io.camelwechat.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.internal.push.PushStageTimes;
import io.camelwechat.component.wechat.model.CategoryAuditEvent;
import io.camelwechat.simulator.PushRecord;
import io.camelwechat.simulator.WeChatPushes;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Scenario 6: a category audit ends in the simulator, which sends the signed, encrypted {@code wxa_category_audit}
 * push to {@code from("wechat:events")} on platform-http (Vert.x, 127.0.0.1); the time until the route's first
 * processor runs with the event.
 */
final class PushScenario {

    static final String APP_ID = "wx00000000push0001";
    static final String SECRET = "push-secret-0123456789abcdef00001";
    static final String TOKEN = "camelwechatbenchtoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String MEDIA_ID = "bench-licence-media-0001";
    /** Simulator time from submission to the audit result: tiny, so the clock stays at real time. */
    static final Duration AUDIT_DELAY = Duration.ofMillis(10);

    private PushScenario() {
    }

    static Section run(LoadSettings settings) throws Exception {
        int measured = settings.pushes();
        int warmup = Math.max(20, measured / 2);
        Section section = new Section("push", "6. Push latency: simulator audit push to the wechat:events exchange");
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        int port = freePort();
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).auditDelay(AUDIT_DELAY)
                .requestLogLimit(0).build().start();
             SimHttp http = new SimHttp(simulator)) {
            CamelContext context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(5);
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            WeChatComponent component = new WeChatComponent();
            context.addComponent("wechat", component);
            try {
                // the route is added once the context runs: a wechat:events route (without verifyTicketStore) in a
                // context that is not started yet fails with "the wechat component is not started" (see the report)
                context.start();
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("wechat:events?path=/wechat/events&token=RAW(" + TOKEN + ")&encodingAesKey=RAW(" + AES_KEY
                             + ")&appId=" + APP_ID).routeId("events")
                                .process(exchange -> {
                                    long now = System.nanoTime();
                                    if (exchange.getMessage().getBody() instanceof CategoryAuditEvent) {
                                        arrivals.add(now);
                                    }
                                });
                        // the floor: an empty platform-http route on the same server
                        from("platform-http:/bench/ping?httpMethodRestrict=POST").routeId("ping")
                                .setBody(constant("success"));
                    }
                });
                simulator.registerMedia(APP_ID, MEDIA_ID);
                simulator.setAuditOutcome(APP_ID, 8, 39, "benchmark: rejected so that it can be modified again");
                simulator.pushTo(APP_ID, "http://127.0.0.1:" + port + "/wechat/events", TOKEN, AES_KEY);
                List<Map<String, Object>> certificates = List.of(Map.of("key", "《因私出入境中介机构经营许可证》",
                        "value", MEDIA_ID));
                http.postOk("/cgi-bin/wxopen/addcategory?access_token=" + simulator.stableToken(APP_ID),
                        Map.of("categories", List.of(Map.of("first", 8, "second", 39, "certicates", certificates))));

                Latencies toExchange = new Latencies();
                Latencies toAnswer = new Latencies();
                int lost = 0;
                for (int i = 0; i < warmup + measured; i++) {
                    if (i > 0) { // the audit rejected it: modify starts a new audit (no add quota used)
                        http.postOk("/cgi-bin/wxopen/modifycategory?access_token=" + simulator.stableToken(APP_ID),
                                Map.of("first", 8, "second", 39, "certicates", certificates));
                    }
                    long started = System.nanoTime();
                    simulator.clock().advance(AUDIT_DELAY.plusMillis(1)); // the audit ends: pushed before this returns
                    long answered = System.nanoTime();
                    Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
                    if (arrived == null) {
                        lost++;
                        continue;
                    }
                    if (i >= warmup) {
                        toExchange.record(arrived - started);
                        toAnswer.record(answered - started);
                    }
                }
                // the receiver alone against the floor, alternately, the pushes built beforehand
                ReceiverRounds.Result alone = ReceiverRounds.run(port, arrivals,
                        simulator.clock().now().getEpochSecond(), settings.receiverPushes(), settings.receiverPushes());
                lost += alone.lost();
                Latencies.Summary floor = alone.floor();
                Latencies.Summary receiver = alone.toExchange();
                Latencies.Summary receiverAnswer = alone.answered();
                // and inside the receiver: its stages one by one, in this thread, no HTTP
                long now = simulator.clock().now().getEpochSecond();
                Map<String, long[]> stages = PushStageTimes.run(context, TOKEN, AES_KEY, APP_ID, auditXml(now), now,
                        settings.receiverPushes(), settings.receiverPushes());
                List<PushRecord> pushes = simulator.pushes();
                long delivered = pushes.stream().filter(PushRecord::delivered).count();
                Latencies.Summary exchange = Latencies.merge(List.of(toExchange));
                Latencies.Summary answer = Latencies.merge(List.of(toAnswer));
                section.paragraph("The simulator (auditDelay " + AUDIT_DELAY.toMillis() + " ms of simulator time) "
                                  + "rejects category 8/39 each time its audit ends; the harness modifies it (a new "
                                  + "audit), then moves the clock, and the simulator sends the push synchronously: "
                                  + "it builds the XML, encrypts and signs it, and POSTs it (JDK HttpClient) to "
                                  + "`from(\"wechat:events?path=/wechat/events&token=..&encodingAesKey=..&appId=..\")` "
                                  + "on a `VertxPlatformHttpServer` at 127.0.0.1:" + port + ". The receiver checks "
                                  + "and decrypts it, answers `success`, and hands the event to the consumer's own "
                                  + "thread, which runs the route. Latency = from just before the clock move to the "
                                  + "route's processor. " + warmup + " pushes first, unmeasured; then " + measured
                                  + " measured, one at a time.");
                section.table(List.of("measured", "p50 ms", "p99 ms", "max ms", "mean ms"), List.of(
                        List.of("push to exchange", Section.ms(exchange.p50()), Section.ms(exchange.p99()),
                                Section.ms(exchange.maxMillis()), Section.ms(exchange.meanMillis())),
                        List.of("push answered `success` (clock move returned)", Section.ms(answer.p50()),
                                Section.ms(answer.p99()), Section.ms(answer.maxMillis()),
                                Section.ms(answer.meanMillis())),
                        List.of("receiver alone: pre-built push POSTed by HttpClient 5 to exchange",
                                Section.ms(receiver.p50()), Section.ms(receiver.p99()),
                                Section.ms(receiver.maxMillis()), Section.ms(receiver.meanMillis())),
                        List.of("receiver alone: answered `success`", Section.ms(receiverAnswer.p50()),
                                Section.ms(receiverAnswer.p99()), Section.ms(receiverAnswer.maxMillis()),
                                Section.ms(receiverAnswer.meanMillis())),
                        List.of("floor: empty `platform-http` route, same server, round trip", Section.ms(floor.p50()),
                                Section.ms(floor.p99()), Section.ms(floor.maxMillis()),
                                Section.ms(floor.meanMillis()))));
                section.paragraph("The last three rows take the simulator out (" + settings.receiverPushes()
                                  + " of each unmeasured first, then " + receiver.count() + " push and "
                                  + floor.count() + " floor samples measured, alternately): the same kind of push, "
                                  + "signed and encrypted beforehand with `WeChatPushes` (the simulator's own code), "
                                  + "is POSTed on a kept-alive Apache HttpClient 5 connection, so the difference to the "
                                  + "first rows is the simulator's side: moving its clock, settling the audit, "
                                  + "encrypting, and its JDK HttpClient. After each push, the floor: a round trip to a "
                                  + "`platform-http` route that only sets the body, on the same Vert.x server.");
                double p50Ratio = receiver.p50() / floor.p50();
                double p99Ratio = receiver.p99() / floor.p99();
                section.paragraph("Receiver alone against the floor, same run: p50 " + Section.ms(receiver.p50())
                                  + " vs " + Section.ms(floor.p50()) + " ms (" + Section.ratio(p50Ratio) + "), p99 "
                                  + Section.ms(receiver.p99()) + " vs " + Section.ms(floor.p99()) + " ms ("
                                  + Section.ratio(p99Ratio) + ").");
                System.err.printf("[push] receiver p50 %s ms, p99 %s ms; floor p50 %s ms, p99 %s ms; p99 ratio %s "
                                  + "(%d + %d samples)%n", Section.ms(receiver.p50()), Section.ms(receiver.p99()),
                        Section.ms(floor.p50()), Section.ms(floor.p99()), Section.ratio(p99Ratio), receiver.count(),
                        floor.count());
                // where the tail starts: on a shared host both bend at the same percentile (the scheduler's, not ours)
                printTail("receiver to exchange", receiver);
                printTail("receiver answered", receiverAnswer);
                printTail("floor", floor);
                List<List<String>> stageRows = new ArrayList<>();
                stages.forEach((stage, nanos) -> {
                    Latencies.Summary times = Latencies.Summary.sorted(nanos);
                    stageRows.add(List.of(stage, Section.num(times.p50() * 1000, 1), Section.num(times.p99() * 1000, 1),
                            Section.num(times.meanMillis() * 1000, 1)));
                });
                section.paragraph("Inside the receiver (`PushStageTimes`): the stages of the same kind of push timed "
                                  + "one by one in one thread, without HTTP, " + settings.receiverPushes() + " pushes "
                                  + "unmeasured, then " + settings.receiverPushes() + " measured; the last row is "
                                  + "the receiver's whole `process` (the stages above plus the timestamp check, the "
                                  + "event, the answer's headers) on a fresh exchange.");
                section.table(List.of("stage", "p50 µs", "p99 µs", "mean µs"), stageRows);
                section.paragraph("Pushes attempted by the simulator: " + pushes.size() + ", delivered: " + delivered
                                  + ", exchanges missing: " + lost + ".");
                section.figure("p50", exchange.p50()).figure("p99", exchange.p99()).figure("max", exchange.maxMillis())
                        .figure("answerP99", answer.p99()).figure("measured", exchange.count())
                        .figure("delivered", delivered).figure("lost", lost)
                        .figure("receiverP50", receiver.p50()).figure("receiverP99", receiver.p99())
                        .figure("floorP50", floor.p50()).figure("floorP99", floor.p99())
                        .figure("receiverSamples", receiver.count()).figure("floorSamples", floor.count())
                        .figure("p50VsFloor", p50Ratio).figure("p99VsFloor", p99Ratio)
                        .figure("receiverCpuP50Micros", Latencies.Summary.sorted(
                                stages.get(PushStageTimes.WHOLE_RECEIVER)).p50() * 1000);
                section.target("push to exchange p99 (simulator push)", "<= 5 ms", Section.ms(exchange.p99())
                                                                                  + " ms", exchange.p99() <= 5);
                section.target("push to exchange p99 (receiver alone, HttpClient 5 POST)", "<= 5 ms",
                        Section.ms(receiver.p99()) + " ms", receiver.p99() <= 5);
                section.target("receiver alone p99 / empty platform-http route p99, same run (issue 13)", "<= 2x",
                        Section.ratio(p99Ratio), p99Ratio <= 2);
            } finally {
                context.close();
            }
        }
        return section;
    }

    private static void printTail(String name, Latencies.Summary tail) {
        System.err.printf("[push]   %s: p90 %s p95 %s p98 %s p99 %s p99.5 %s p99.9 %s ms%n", name,
                Section.ms(tail.percentileMillis(90)), Section.ms(tail.percentileMillis(95)),
                Section.ms(tail.percentileMillis(98)), Section.ms(tail.percentileMillis(99)),
                Section.ms(tail.percentileMillis(99.5)), Section.ms(tail.percentileMillis(99.9)));
    }

    /** A wxa_category_audit event as the simulator sends it (rejected 8/39). */
    static String auditXml(long createTime) {
        return "<xml><ToUserName><![CDATA[gh_0000bench01]]></ToUserName><FromUserName><![CDATA[o000bench]]>"
               + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
               + "<Event><![CDATA[wxa_category_audit]]></Event><ret>2</ret><first>8</first><second>39</second>"
               + "<reason><![CDATA[benchmark]]></reason></xml>";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
