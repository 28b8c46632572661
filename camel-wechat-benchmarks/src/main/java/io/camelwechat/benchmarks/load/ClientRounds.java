package io.camelwechat.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.camelwechat.component.wechat.WeChatConfiguration;
import io.camelwechat.simulator.WeChatSimulator;

/**
 * Scenarios 1 and 2: the bare HttpClient 5, the component and WxJava calling getIndustry in alternating rounds
 * against one simulator, N threads each, the same fixed duration per round; the order rotates every round.
 */
final class ClientRounds {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final String APP_ID = "wx00000000bench001";
    static final String SECRET = "bench-secret-0123456789abcdef0001";

    private ClientRounds() {
    }

    /** One client's totals over its measured rounds. */
    private static final class Tally {
        final IndustryClient client;
        final List<Latencies.Summary> latencies = new ArrayList<>();
        final List<Double> roundThroughputs = new ArrayList<>();
        long calls;
        long completed;
        long errors;
        double seconds;
        long callerCpuNanos;
        long processCpuNanos;
        int warmupTokenRequests;
        int tokenRequests;
        String firstError;

        Tally(IndustryClient client) {
            this.client = client;
        }

        double throughput() {
            return completed / seconds;
        }

        /** CPU microseconds per call on the calling threads (the client's own work). */
        double callerCpuMicros() {
            return callerCpuNanos / 1e3 / calls;
        }

        /** CPU microseconds per call of the whole JVM (client, simulator, GC, JIT) during the rounds. */
        double processCpuMicros() {
            return processCpuNanos / 1e3 / calls;
        }

        Latencies.Summary summary() {
            return Latencies.Summary.merge(latencies);
        }
    }

    /** What one round measured. */
    /**
     * @param completed calls that ended before the deadline: the throughput is {@code completed / seconds}, so that
     *                  calls still sleeping in a retry at the deadline do not stretch the round
     */
    private record Round(Latencies.Summary latencies, long calls, long completed, long errors, double seconds,
                         String firstError, long callerCpuNanos, long processCpuNanos) {
    }

    /** Runs {@code client} on {@code threads} threads for {@code seconds}, calls back to back. */
    private static Round round(IndustryClient client, int threads, double seconds, During during)
            throws Exception {
        return round(client, threads, seconds, during, 0);
    }

    /**
     * Runs {@code client} on {@code threads} threads for {@code seconds}; {@code during} runs meanwhile. With a
     * {@code rate} (calls per second) the calls are scheduled at fixed intervals and each latency counts from its
     * scheduled time, so a call that waits because every thread is busy (asleep in a retry, for one) counts that
     * wait; without one (0) every thread calls back to back and latency counts from the call.
     */
    private static Round round(IndustryClient client, int threads, double seconds, During during, double rate)
            throws Exception {
        AtomicLong slots = new AtomicLong();
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        long[] began = new long[1];
        CountDownLatch start = new CountDownLatch(1);
        List<Latencies> recorders = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong callerCpu = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Latencies recorder = new Latencies();
            recorders.add(recorder);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = deadline[0];
                long cpuAtStart = THREADS.getCurrentThreadCpuTime();
                long now = System.nanoTime();
                long inTime = 0;
                while (now < end) {
                    if (interval > 0) {
                        long scheduled = began[0] + slots.getAndIncrement() * interval;
                        if (scheduled >= end) {
                            break;
                        }
                        while (now < scheduled) {
                            LockSupport.parkNanos(scheduled - now);
                            now = System.nanoTime();
                        }
                        now = scheduled; // latency from the scheduled time: waiting for a free thread counts
                    }
                    try {
                        client.getIndustry();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, Section.describe(e));
                    }
                    long after = System.nanoTime();
                    recorder.record(after - now);
                    if (after <= end) {
                        inTime++;
                    }
                    now = after;
                }
                completed.addAndGet(inTime);
                callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
            }, client.name() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        long processCpuBefore = WatcherScenario.processCpuNanos();
        began[0] = System.nanoTime();
        deadline[0] = began[0] + (long) (seconds * 1e9);
        start.countDown();
        during.run(began[0], deadline[0]);
        for (Thread worker : workers) {
            worker.join();
        }
        long processCpu = WatcherScenario.processCpuNanos() - processCpuBefore;
        Latencies.Summary summary = Latencies.merge(recorders);
        return new Round(summary, summary.count(), completed.get(), errors.get(), seconds, firstError.get(),
                callerCpu.get(), processCpu);
    }

    /** Work done on the harness thread while a round runs, given the round's start and deadline (nanoTime). */
    @FunctionalInterface
    private interface During {
        void run(long began, long deadline) throws Exception;

        During NOTHING = (began, deadline) -> sleepUntil(deadline);
    }

    private static List<Tally> clients(WeChatSimulator simulator) {
        String baseUrl = simulator.baseUrl();
        return List.of(new Tally(new BareIndustryClient(baseUrl, APP_ID, SECRET, 64)),
                new Tally(new ComponentIndustryClient(baseUrl, APP_ID, SECRET, null)),
                new Tally(new WxJavaIndustryClient(baseUrl, APP_ID, SECRET)));
    }

    private static List<Tally> rotated(List<Tally> tallies, int round) {
        List<Tally> order = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            order.add(tallies.get((i + round) % tallies.size()));
        }
        return order;
    }

    private static void warmUp(WeChatSimulator simulator, List<Tally> tallies, LoadSettings settings)
            throws Exception {
        for (Tally tally : tallies) {
            int before = SimHttp.tokenRequests(simulator);
            round(tally.client, settings.threads(), settings.warmupSeconds(), During.NOTHING);
            tally.warmupTokenRequests = SimHttp.tokenRequests(simulator) - before;
        }
    }

    private static void add(Tally tally, Round round, int tokenRequests) {
        tally.latencies.add(round.latencies());
        tally.roundThroughputs.add(round.completed() / round.seconds());
        tally.calls += round.calls();
        tally.completed += round.completed();
        tally.errors += round.errors();
        tally.seconds += round.seconds();
        tally.callerCpuNanos += round.callerCpuNanos();
        tally.processCpuNanos += round.processCpuNanos();
        tally.tokenRequests += tokenRequests;
        if (tally.firstError == null) {
            tally.firstError = round.firstError();
        }
    }

    private static Tally find(List<Tally> tallies, Class<?> type) {
        return tallies.stream().filter(t -> type.isInstance(t.client)).findFirst().orElseThrow();
    }

    static Section steady(LoadSettings settings) throws Exception {
        Section section = new Section("steady", "1. Steady state: getIndustry, " + settings.threads()
                                                + " threads, clients alternating");
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).requestLogLimit(0)
                .build().start()) {
            SimHttp.setIndustry(simulator, APP_ID);
            List<Tally> tallies = clients(simulator);
            try {
                warmUp(simulator, tallies, settings);
                for (int r = 0; r < settings.rounds(); r++) {
                    for (Tally tally : rotated(tallies, r)) {
                        int before = SimHttp.tokenRequests(simulator);
                        Round round = round(tally.client, settings.threads(), settings.roundSeconds(),
                                During.NOTHING);
                        add(tally, round, SimHttp.tokenRequests(simulator) - before);
                    }
                }
            } finally {
                tallies.forEach(t -> t.client.close());
            }
            Tally bare = find(tallies, BareIndustryClient.class);
            Tally component = find(tallies, ComponentIndustryClient.class);
            Tally wxjava = find(tallies, WxJavaIndustryClient.class);
            section.paragraph(settings.rounds() + " rounds of " + settings.roundSeconds() + " s per client after a "
                              + settings.warmupSeconds() + " s warm-up round each; order rotated every round (B C W, "
                              + "C W B, W B C). Latency is per call as the caller sees it; calls/s counts the calls that ended within the round. Token requests are the "
                              + "simulator's count of `/cgi-bin/stable_token` + `/cgi-bin/token` during the "
                              + "client's rounds. The component's endpoint is resolved once (as `to()` does) and "
                              + "called with `ProducerTemplate.requestBody`. WxJava runs on its defaults (HTTP pool "
                              + WxJavaIndustryClient.defaultPool() + "); the bare client and the component pool up "
                              + "to 64 and 50 connections.");
            section.table(List.of("client", "calls", "errors", "calls/s", "p50 ms", "p99 ms", "max ms",
                    "token requests (warm-up / measured)", "caller CPU us/call", "JVM CPU us/call"),
                    rows(tallies, false));
            section.paragraph("Caller CPU is the CPU time of the " + settings.threads() + " calling threads per call "
                              + "(the client library's own work: the calls are synchronous on them); JVM CPU is the "
                              + "whole process during the client's rounds per call, the simulator's request "
                              + "handling included. With " + Runtime.getRuntime().availableProcessors() + " cores "
                              + "shared by the clients and the simulator, throughput is bound by CPU per call: "
                              + "calls/s is roughly cores x busy share / JVM CPU per call.");
            List<List<String>> perRound = new ArrayList<>();
            for (int r = 0; r < settings.rounds(); r++) {
                perRound.add(List.of(String.valueOf(r + 1), Section.num(bare.roundThroughputs.get(r), 0),
                        Section.num(component.roundThroughputs.get(r), 0),
                        Section.num(wxjava.roundThroughputs.get(r), 0),
                        Section.ratio(component.roundThroughputs.get(r) / bare.roundThroughputs.get(r)),
                        Section.ratio(component.roundThroughputs.get(r) / wxjava.roundThroughputs.get(r))));
            }
            section.paragraph("Throughput per round (calls/s), to show the noise:");
            section.table(List.of("round", "bare", "component", "WxJava", "component/bare", "component/WxJava"),
                    perRound);
            double vsBare = component.throughput() / bare.throughput();
            double vsWxJava = component.throughput() / wxjava.throughput();
            double bareVsWxJava = bare.throughput() / wxjava.throughput();
            Latencies.Summary b = bare.summary();
            Latencies.Summary c = component.summary();
            Latencies.Summary w = wxjava.summary();
            section.table(List.of("ratio", "throughput", "p50", "p99", "caller CPU per call", "JVM CPU per call"),
                    List.of(List.of("component / bare", Section.ratio(vsBare), Section.ratio(c.p50() / b.p50()),
                                    Section.ratio(c.p99() / b.p99()),
                                    Section.ratio(component.callerCpuMicros() / bare.callerCpuMicros()),
                                    Section.ratio(component.processCpuMicros() / bare.processCpuMicros())),
                            List.of("component / WxJava", Section.ratio(vsWxJava), Section.ratio(c.p50() / w.p50()),
                                    Section.ratio(c.p99() / w.p99()),
                                    Section.ratio(component.callerCpuMicros() / wxjava.callerCpuMicros()),
                                    Section.ratio(component.processCpuMicros() / wxjava.processCpuMicros())),
                            List.of("bare / WxJava", Section.ratio(bareVsWxJava), Section.ratio(b.p50() / w.p50()),
                                    Section.ratio(b.p99() / w.p99()),
                                    Section.ratio(bare.callerCpuMicros() / wxjava.callerCpuMicros()),
                                    Section.ratio(bare.processCpuMicros() / wxjava.processCpuMicros()))));
            for (Tally tally : tallies) {
                String key = key(tally);
                section.figure(key + ".throughput", tally.throughput()).figure(key + ".p50", tally.summary().p50())
                        .figure(key + ".p99", tally.summary().p99()).figure(key + ".errors", tally.errors)
                        .figure(key + ".tokenRequests", tally.tokenRequests)
                        .figure(key + ".warmupTokenRequests", tally.warmupTokenRequests)
                        .figure(key + ".callerCpuMicros", tally.callerCpuMicros())
                        .figure(key + ".processCpuMicros", tally.processCpuMicros());
            }
            section.figure("componentVsBare", vsBare).figure("componentVsWxJava", vsWxJava)
                    .figure("bareVsWxJava", bareVsWxJava);
            section.target("component throughput vs bare HttpClient 5", ">= 0.90x", Section.ratio(vsBare),
                    vsBare >= 0.90);
            section.target("component throughput vs WxJava", ">= 1.1x", Section.ratio(vsWxJava), vsWxJava >= 1.1);
            section.target("token requests in steady state (component)", "0 after warm-up",
                    String.valueOf(component.tokenRequests), component.tokenRequests == 0);
        }
        return section;
    }

    /** The component's default base delay of busy retries, as every user gets it. */
    static final long BUSY_RETRY_DELAY_MS = new WeChatConfiguration().getBusyRetryDelay();

    /** The component's waits before its three busy retries, e.g. "25-50 ms, 50-100 ms, 100-200 ms". */
    static String busyWaits() {
        StringBuilder waits = new StringBuilder();
        for (int retry = 0; retry < 3; retry++) {
            long ceiling = BUSY_RETRY_DELAY_MS << retry;
            waits.append(retry == 0 ? "" : ", ").append(ceiling / 2).append('-').append(ceiling).append(" ms");
        }
        return waits.toString();
    }

    static Section churn(LoadSettings settings) throws Exception {
        Section section = new Section("churn", "2. Churn: token force-refreshed by another node every "
                                               + settings.churnEverySeconds() + " s, " + percent(settings.busyRate())
                                               + " of calls answered -1");
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).requestLogLimit(0)
                .build().start();
             SimHttp otherNode = new SimHttp(simulator)) {
            otherNode.setIndustry(APP_ID);
            List<Tally> tallies = clients(simulator);
            Map<String, Integer> forcedPerClient = new LinkedHashMap<>();
            Map<Integer, Integer> refused = new LinkedHashMap<>();
            try {
                warmUp(simulator, tallies, settings);
                simulator.faults().busyRate(settings.busyRate());
                for (int r = 0; r < settings.churnRounds(); r++) {
                    for (Tally tally : rotated(tallies, r)) {
                        int before = SimHttp.tokenRequests(simulator);
                        int[] forced = new int[1];
                        Round round = round(tally.client, settings.threads(), settings.churnRoundSeconds(),
                                (began, deadline) -> {
                                    long every = (long) (settings.churnEverySeconds() * 1e9);
                                    for (long at = began + every / 2; at < deadline; at += every) {
                                        sleepUntil(at);
                                        int errcode = otherNode.forceRefresh(APP_ID, SECRET);
                                        forced[0]++;
                                        if (errcode != 0) {
                                            refused.merge(errcode, 1, Integer::sum);
                                        }
                                    }
                                    sleepUntil(deadline);
                                }, settings.churnRate());
                        forcedPerClient.merge(key(tally), forced[0], Integer::sum);
                        add(tally, round, SimHttp.tokenRequests(simulator) - before - forced[0]);
                    }
                }
            } finally {
                simulator.faults().clear();
                tallies.forEach(t -> t.client.close());
            }
            Tally component = find(tallies, ComponentIndustryClient.class);
            Tally wxjava = find(tallies, WxJavaIndustryClient.class);
            section.paragraph(settings.churnRounds() + " rounds of " + settings.churnRoundSeconds() + " s per client, "
                              + settings.threads() + " threads, after an unmeasured warm-up without faults. "
                              + (settings.churnRate() > 0 ? "The calls are scheduled at a fixed rate, "
                                 + Section.num(settings.churnRate(), 0) + " calls/s for every client (well within "
                                 + "each client's steady throughput), and each latency counts from the call's "
                                 + "scheduled time: a call that waits because every thread is busy, asleep in a "
                                 + "retry for one, counts that wait. (Calling back to back instead, a thread asleep "
                                 + "in a retry simply makes fewer calls, the waits of the calls it would have made "
                                 + "go uncounted (coordinated omission), and the p99 of a client whose slow calls "
                                 + "are exactly the 1 % answered -1 lands either among them or below them by "
                                 + "chance.) " : "")
                              + "During "
                              + "each round another node sends `POST /cgi-bin/stable_token` with "
                              + "`force_refresh=true` every " + settings.churnEverySeconds() + " s (issue 7 says "
                              + "10 s; the rounds are short, so it is more often here), which ends the token every "
                              + "client holds (40001 at once). WeChat allows one forced refresh per 30 s and 20 a "
                              + "day, so the simulator clock is moved 31 s before each. Forced refreshes per client: "
                              + forcedPerClient + (refused.isEmpty() ? "" : "; refused by the simulator (errcode: "
                                                                           + "count): " + refused)
                              + ". The simulator answers " + percent(settings.busyRate()) + " of the getIndustry "
                              + "calls -1. Reactions: the component invalidates the token only if still cached, "
                              + "refetches once (single flight) and retries once; on -1 it retries reads after "
                              + busyWaits() + " (busyRetryDelay " + BUSY_RETRY_DELAY_MS + " ms, its default, "
                              + "jitter). WxJava expires "
                              + "its token under its lock and retries; on -1 it sleeps retrySleepMillis (1 s, "
                              + "doubling) and retries up to 5 times. The bare client refetches once on 40001 and "
                              + "does not retry -1 (its -1 answers are errors).");
            section.table(List.of("client", "calls", "errors", "calls/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                    "calls > 100 ms", "token requests (warm-up / measured, not counting the other node's)"),
                    rows(tallies, true));
            double p99Ratio = component.summary().p99() / wxjava.summary().p99();
            double p999Ratio = component.summary().percentileMillis(99.9) / wxjava.summary().percentileMillis(99.9);
            double meanRatio = component.summary().meanMillis() / wxjava.summary().meanMillis();
            section.table(List.of("component / WxJava", "p99", "p99.9", "mean", "throughput"), List.of(List.of("",
                    Section.num(p99Ratio, 3), Section.num(p999Ratio, 3), Section.num(meanRatio, 3),
                    Section.ratio(component.throughput() / wxjava.throughput()))));
            for (Tally tally : tallies) {
                String key = key(tally);
                Latencies.Summary s = tally.summary();
                section.figure(key + ".throughput", tally.throughput()).figure(key + ".calls", tally.calls)
                        .figure(key + ".p50", s.p50())
                        .figure(key + ".p99", s.p99()).figure(key + ".p999", s.percentileMillis(99.9))
                        .figure(key + ".max", s.maxMillis()).figure(key + ".errors", tally.errors)
                        .figure(key + ".tokenRequests", tally.tokenRequests)
                        .figure(key + ".forcedRefreshes", forcedPerClient.getOrDefault(key, 0));
            }
            double componentSlow = component.summary().fractionAbove(100);
            double wxjavaSlow = wxjava.summary().fractionAbove(100);
            section.paragraph("Reading the p99: with " + percent(settings.busyRate()) + " of calls answered -1, "
                              + "about that share of each client's calls wait for a retry (here "
                              + Section.num(componentSlow * 100, 2) + " % of the component's calls and "
                              + Section.num(wxjavaSlow * 100, 2) + " % of WxJava's took over 100 ms), so the p99 "
                              + "sits right at the edge of those calls: whether it lands among them (about "
                              + busyWaits().split(",")[0] + " for the component, 1,000 ms for WxJava) or just below "
                              + "them (a few ms for both) "
                              + "changes from run to run. The p99.9 and the mean are the stable comparisons of what "
                              + "a -1 costs; the throughput shows WxJava's callers asleep for a second per -1.");
            section.figure("p99ComponentVsWxJava", p99Ratio).figure("p999ComponentVsWxJava", p999Ratio)
                    .figure("refusedForcedRefreshes", refused.values().stream().mapToInt(Integer::intValue).sum());
            section.target("p99 under churn, component / WxJava", "<= 0.1", Section.num(p99Ratio, 3)
                    + " (p99.9: " + Section.num(p999Ratio, 3) + ", mean: " + Section.num(meanRatio, 3) + ")",
                    p99Ratio <= 0.1);
        }
        return section;
    }

    private static List<List<String>> rows(List<Tally> tallies, boolean churn) {
        List<List<String>> rows = new ArrayList<>();
        for (Tally tally : tallies) {
            Latencies.Summary s = tally.summary();
            List<String> row = new ArrayList<>(List.of(tally.client.name(), Section.num(tally.calls, 0),
                    Section.num(tally.errors, 0) + (tally.firstError == null ? "" : " (" + shorten(tally.firstError)
                                                                                   + ")"),
                    Section.num(tally.throughput(), 0), Section.ms(s.p50()), Section.ms(s.p99())));
            if (churn) {
                row.add(Section.ms(s.percentileMillis(99.9)));
            }
            row.add(Section.ms(s.maxMillis()));
            if (churn) {
                row.add(Section.num(s.fractionAbove(100) * 100, 2) + " %");
            }
            row.add(tally.warmupTokenRequests + " / " + tally.tokenRequests);
            if (!churn) {
                row.add(Section.num(tally.callerCpuMicros(), 0));
                row.add(Section.num(tally.processCpuMicros(), 0));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String shorten(String error) {
        String oneLine = error.replace('\n', ' ').replace("|", "/");
        return oneLine.length() > 90 ? oneLine.substring(0, 90) + "..." : oneLine;
    }

    private static String key(Tally tally) {
        return tally.client instanceof BareIndustryClient ? "bare"
                : tally.client instanceof ComponentIndustryClient ? "component" : "wxjava";
    }

    static String percent(double share) {
        return Section.num(share * 100, share * 100 == Math.rint(share * 100) ? 0 : 1) + " %";
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static void require(boolean condition, String message) throws IOException {
        if (!condition) {
            throw new IOException(message);
        }
    }
}
