package io.camelwechat.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The hardening soak: many calls from many threads while WeChat answers a share of them busy ({@code -1}) and
 * every token expires at WeChat every few seconds. Reads go to one account (getSettingCategories and
 * getIndustry), writes (temporary media uploads) to another, so that each account's token fetches, token retries
 * and requests can be told apart. What must hold: a busy write is never sent twice (write requests = write
 * exchanges + the writes retried once after a token rejection), a read fails only after its busy retries ran out,
 * and each account fetches one token per expiry.
 */
final class SoakScenario {

    private static final String READER = ClientRounds.APP_ID;
    private static final String READER_SECRET = ClientRounds.SECRET;
    private static final String WRITER = "wx00000000soakwrite";
    private static final String WRITER_SECRET = "soak-writer-secret-0123456789abcd";
    private static final String UPLOAD_PATH = "/cgi-bin/media/upload";
    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final String[] READS = { "wechat:category?op=list", "wechat:industry?op=get" };
    private static final String WRITE = "wechat:media?op=upload&appId=" + WRITER + "&appSecret=" + WRITER_SECRET;

    private SoakScenario() {
    }

    /** What the callers saw, counted as they went. */
    private static final class Outcomes {
        final AtomicInteger readsOk = new AtomicInteger();
        final AtomicInteger writesOk = new AtomicInteger();
        final Map<String, AtomicInteger> readFailures = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> writeFailures = new ConcurrentHashMap<>();
        final List<Latencies> readLatencies = new ArrayList<>();

        void failed(boolean write, Exception e) {
            String kind = e instanceof WeChatApiException api ? "errcode " + api.getErrcode()
                    : e.getClass().getSimpleName();
            (write ? writeFailures : readFailures).computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        int count(Map<String, AtomicInteger> failures) {
            return failures.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    static Section run(LoadSettings settings) throws Exception {
        int calls = settings.soakCalls();
        int threads = settings.soakThreads();
        Section section = new Section("soak", "7. Soak: " + calls + " calls from " + threads + " threads, "
                                              + Section.num(settings.soakBusyRate() * 100, 0) + " % busy answers, "
                                              + "tokens expiring every " + settings.soakExpirySeconds() + " s");
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(READER, READER_SECRET)
                .account(WRITER, WRITER_SECRET).build().start()) {
            SimHttp.setIndustry(simulator, READER);
            CamelContext context = new DefaultCamelContext();
            WeChatComponent component = new WeChatComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.getConfiguration().setAppId(READER);
            component.getConfiguration().setAppSecret(READER_SECRET);
            context.addComponent("wechat", component);
            context.start();
            try (ProducerTemplate template = context.createProducerTemplate()) {
                // one token per account before the clock starts, so that every later fetch follows an expiry
                template.requestBody(READS[0], (Object) null);
                template.requestBodyAndHeader(WRITE, PNG, WeChatConstants.MEDIA_FILE_NAME, "soak.png");
                simulator.clearRequests();
                Map<String, Long> readerBefore = tokenCounters(component, READER);
                Map<String, Long> writerBefore = tokenCounters(component, WRITER);
                simulator.faults().busyRate(settings.soakBusyRate());

                Outcomes outcomes = new Outcomes();
                AtomicInteger expiries = new AtomicInteger();
                long began = System.nanoTime();
                runCallers(template, settings, outcomes, simulator, expiries);
                double seconds = (System.nanoTime() - began) / 1e9;
                simulator.faults().busyRate(0);

                report(section, settings, simulator, outcomes, expiries.get(), seconds,
                        since(readerBefore, tokenCounters(component, READER)),
                        since(writerBefore, tokenCounters(component, WRITER)));
            } finally {
                context.close();
            }
        }
        return section;
    }

    /**
     * The callers take call numbers in turn, each starting at its scheduled time (the rate spreads the calls over
     * several expiries); 7 in 10 calls read, 3 write. Meanwhile the simulator's clock jumps past the tokens' life.
     */
    private static void runCallers(ProducerTemplate template, LoadSettings settings, Outcomes outcomes,
                                   WeChatSimulator simulator, AtomicInteger expiries) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        long start = System.nanoTime();
        double nanosPerCall = 1e9 / settings.soakRate();
        Thread expirer = new Thread(() -> {
            long period = (long) (settings.soakExpirySeconds() * 1e9);
            for (long due = start + period; !done.get(); due += period) {
                if (!sleepUntil(due, done)) {
                    return;
                }
                simulator.clock().advance(Duration.ofSeconds(7_201)); // every token issued so far is now expired
                expiries.incrementAndGet();
            }
        }, "soak-expirer");
        expirer.setDaemon(true);
        expirer.start();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < settings.soakThreads(); t++) {
            Latencies latencies = new Latencies();
            outcomes.readLatencies.add(latencies);
            Thread caller = new Thread(() -> {
                for (int call = next.getAndIncrement(); call < settings.soakCalls(); call = next.getAndIncrement()) {
                    sleepUntil(start + (long) (call * nanosPerCall), done);
                    boolean write = call % 10 >= 7;
                    long began = System.nanoTime();
                    try {
                        if (write) {
                            template.requestBodyAndHeader(WRITE, PNG, WeChatConstants.MEDIA_FILE_NAME, "soak.png");
                            outcomes.writesOk.incrementAndGet();
                        } else {
                            template.requestBody(READS[call % 2], (Object) null);
                            outcomes.readsOk.incrementAndGet();
                            latencies.record(System.nanoTime() - began);
                        }
                    } catch (Exception e) {
                        outcomes.failed(write, e.getCause() instanceof Exception cause ? cause : e);
                    }
                }
            }, "soak-" + t);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        done.set(true);
        expirer.interrupt();
        expirer.join();
    }

    /** Sleeps until the deadline; false when interrupted. */
    private static boolean sleepUntil(long deadlineNanos, AtomicBoolean done) {
        long wait = deadlineNanos - System.nanoTime();
        while (wait > 0 && !done.get()) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                return false;
            }
            wait = deadlineNanos - System.nanoTime();
        }
        return true;
    }

    private static void report(Section section, LoadSettings settings, WeChatSimulator simulator, Outcomes outcomes,
                               int expiries, double seconds, Map<String, Long> reader, Map<String, Long> writer) {
        int reads = outcomes.readsOk.get() + outcomes.count(outcomes.readFailures);
        int writes = outcomes.writesOk.get() + outcomes.count(outcomes.writeFailures);
        int writeRequests = simulator.requestCount(UPLOAD_PATH);
        long writeTokenRetries = writer.get("tokenRetries");
        long readerFetches = reader.get("fetches");
        long writerFetches = writer.get("fetches");
        int tokenRequests = simulator.requestCount(SimHttp.STABLE_TOKEN); // counted, not taken from the bounded log
        int busyWriteFailures = outcomes.writeFailures.getOrDefault("errcode -1", new AtomicInteger()).get();
        int busyReadFailures = outcomes.readFailures.getOrDefault("errcode -1", new AtomicInteger()).get();
        int otherReadFailures = outcomes.count(outcomes.readFailures) - busyReadFailures;
        Latencies.Summary latencies = Latencies.merge(outcomes.readLatencies);

        section.figure("calls", reads + writes).figure("reads", reads).figure("writes", writes)
                .figure("readFailuresBusy", busyReadFailures).figure("readFailuresOther", otherReadFailures)
                .figure("writeRequests", writeRequests).figure("writeTokenRetries", writeTokenRetries)
                .figure("writeFailuresBusy", busyWriteFailures).figure("expiries", expiries)
                .figure("readerTokenFetches", readerFetches).figure("writerTokenFetches", writerFetches)
                .figure("tokenRequests", tokenRequests)
                .figure("busyRetries", reader.get("busyRetries"));
        section.paragraph(settings.soakThreads() + " threads share " + settings.soakCalls() + " calls scheduled at "
                          + Section.num(settings.soakRate(), 0) + " calls/s through one component with its default "
                          + "options (busyRetries 3, busyRetryDelay 50 ms, stable tokens): 7 in 10 calls read one "
                          + "account (`wechat:category?op=list`, `wechat:industry?op=get`), 3 in 10 upload an image "
                          + "for a second account (`wechat:media?op=upload`, a write). The simulator answers "
                          + Section.num(settings.soakBusyRate() * 100, 0) + " % of API calls `-1` and its clock jumps "
                          + "7201 s every " + settings.soakExpirySeconds() + " s, so every token the component "
                          + "holds is answered 42001 from then on. Ran " + Section.num(seconds, 1) + " s.");
        section.table(List.of("what", "count"), List.of(
                List.of("reads / failed after every busy retry / failed otherwise",
                        reads + " / " + busyReadFailures + " / " + otherReadFailures),
                List.of("read p50 / p99 (ms)", Section.ms(latencies.p50()) + " / " + Section.ms(latencies.p99())),
                List.of("busy retries of reads", String.valueOf(reader.get("busyRetries"))),
                List.of("writes / failed busy (not retried) / failed otherwise",
                        writes + " / " + busyWriteFailures + " / "
                        + (outcomes.count(outcomes.writeFailures) - busyWriteFailures)),
                List.of("upload requests at WeChat / writes retried once after 42001",
                        writeRequests + " / " + writeTokenRetries),
                List.of("token expiries at WeChat", String.valueOf(expiries)),
                List.of("token fetches: reading account / writing account (stable_token requests at WeChat)",
                        readerFetches + " / " + writerFetches + " (" + tokenRequests + ")")));
        section.paragraph("Reads fail only with errcode -1, after 4 busy answers in a row (probability "
                          + Section.num(Math.pow(settings.soakBusyRate(), 4) * reads, 2) + " expected in this run); "
                          + "failures: " + outcomes.readFailures + " reads, " + outcomes.writeFailures + " writes.");
        section.target("requests per write exchange (busy writes never resent)",
                "uploads = writes + token retries", writeRequests + " = " + writes + " + " + writeTokenRetries,
                writeRequests == writes + writeTokenRetries);
        section.target("token fetches per account", "1 per expiry", readerFetches + " and " + writerFetches
                                                                  + " for " + expiries + " expiries",
                readerFetches <= expiries && writerFetches <= expiries && readerFetches >= expiries - 1
                && tokenRequests == readerFetches + writerFetches);
        section.target("reads failing other than busy", "0", String.valueOf(otherReadFailures),
                otherReadFailures == 0);
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new java.util.HashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.get(name)));
        return delta;
    }

    /** The component's token counters of an account, from its JMX table. */
    private static Map<String, Long> tokenCounters(WeChatComponent component, String appId) throws Exception {
        var row = component.getTokenStatistics().get(new Object[] { appId });
        return Map.of("tokenRetries", (Long) row.get("tokenRetries"), "busyRetries", (Long) row.get("busyRetries"),
                "fetches", (Long) row.get("fetches"));
    }
}
