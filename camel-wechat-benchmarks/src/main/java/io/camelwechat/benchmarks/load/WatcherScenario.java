package io.camelwechat.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.WeChatAccountsProvider;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Scenario 5: the category watcher over many accounts, one category each, {@code pollConcurrency} fetches at once
 * against a simulator that answers after a fixed latency. Polls are driven by hand ({@code startScheduler=false},
 * {@code consumer.run()}, which runs one poll on the calling thread).
 */
final class WatcherScenario {

    static final String GET_CATEGORY = "/cgi-bin/wxopen/getcategory";
    /**
     * Above this many accounts the watcher gets them from an accountsProvider bean instead of {@code appIds}: Camel
     * masks secrets in every endpoint URI with regular expressions (URISupport.sanitizeUri) whose time grows with
     * the square of the URI's length, about 1.5 s for 1,000 appids and minutes for 10,000, and the route start runs
     * it several times.
     */
    static final int MAX_APPIDS_IN_URI = 500;

    private WatcherScenario() {
    }

    /** Hands out the simulator's current stable token, so that the polls measure category calls only. */
    static final class SimulatorTokens implements AccessTokenProvider {
        private final WeChatSimulator simulator;

        SimulatorTokens(WeChatSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public AccessToken getToken(String appId) {
            return new AccessToken(simulator.stableToken(appId), Duration.ofHours(2));
        }

        @Override
        public void invalidate(String appId, String rejectedToken) {
            // the simulator's stable token stays valid for the whole run
        }
    }

    /** One timed poll. */
    record Poll(String label, double seconds, int requests, long emitted, int failing, double ideal,
                        double cpuShare, double simulatorCpuMicrosPerAccount, double restCpuMicrosPerAccount) {
        double ratio() {
            return seconds / ideal;
        }
    }

    static Section run(LoadSettings settings) throws Exception {
        int accounts = settings.accounts();
        int concurrency = settings.pollConcurrency();
        int latency = settings.latencyMillis();
        Section section = new Section("watcher", "5. Watcher: " + Section.num(accounts, 0) + " accounts, "
                                                 + "pollConcurrency " + concurrency + ", latency " + latency + " ms");
        List<String> appIds = appIds(accounts);
        int simulatorThreads = simulatorThreads(concurrency);
        long setupStarted = System.nanoTime();
        try (WeChatSimulator simulator = simulatorOf(appIds, simulatorThreads).start()) {
            addOneCategoryEach(simulator, appIds);
            double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;

            SimulatorTokens tokens = new SimulatorTokens(simulator);
            MemoryStateRepository state = new MemoryStateRepository();
            AtomicLong emitted = new AtomicLong();
            CamelContext context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(5);
            context.getRegistry().bind("simTokens", tokens);
            context.getRegistry().bind("watcherState", state);
            List<String> watched = List.copyOf(appIds);
            context.getRegistry().bind("watchedAccounts", (WeChatAccountsProvider) () -> watched);
            boolean inUri = accounts <= MAX_APPIDS_IN_URI;
            WeChatComponent component = new WeChatComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            int defaultConnections = component.getMaxConnections();
            // the default would cap 64 fetches at its pool size
            component.setMaxConnections(Math.max(defaultConnections, concurrency));
            context.addComponent("wechat", component);
            String uri = "wechat:category?" + (inUri ? "appIds=" + String.join(",", appIds)
                    : "accountsProvider=#watchedAccounts") + "&pollConcurrency=" + concurrency
                         + "&startScheduler=false&accessTokenProvider=#simTokens&stateRepository=#watcherState";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("watcher").process(exchange -> emitted.incrementAndGet());
                }
            });
            try {
                context.start();
                CategoryAuditConsumer consumer = (CategoryAuditConsumer) context.getRoute("watcher").getConsumer();
                simulator.faults().latency(Duration.ofMillis(latency));
                warmConnections(context, appIds, concurrency);

                long before = usedHeapAfterGc();
                Poll first = poll("1: first poll, state recorded", consumer, simulator, emitted, accounts, latency,
                        concurrency);
                long after = usedHeapAfterGc();
                Poll second = poll("2: no change", consumer, simulator, emitted, accounts, latency, concurrency);
                Poll third = poll("3: no change", consumer, simulator, emitted, accounts, latency, concurrency);
                simulator.clock().advance(Duration.ofMinutes(10)); // every audit ends: one change per account
                Poll fourth = poll("4: every category approved, " + Section.num(accounts, 0) + " exchanges",
                        consumer, simulator, emitted, accounts, latency, concurrency);
                // the floor: the same fetches without the component, a bare client on as many threads
                bareFetchEach(simulator, appIds, concurrency); // unmeasured: compiles the bare path
                long floorStarted = System.nanoTime();
                bareFetchEach(simulator, appIds, concurrency);
                double floorSeconds = (System.nanoTime() - floorStarted) / 1e9;

                int stored = 0;
                long storedChars = 0;
                for (String appId : appIds) {
                    String json = state.getState(appId);
                    if (json != null) {
                        stored++;
                        storedChars += json.length();
                    }
                }
                double perCategory = (after - before) / (double) accounts;
                double ideal = accounts * (double) latency / concurrency / 1000;
                section.paragraph("Setup: " + Section.num(accounts, 0) + " simulator accounts, each given one "
                                  + "category (1/2, not sensitive) over HTTP, in " + Section.num(setupSeconds, 1)
                                  + " s. The watcher is `from(\"wechat:category?" + (inUri ? "appIds=<"
                                  + Section.num(accounts, 0) + " appids>" : "accountsProvider=#watchedAccounts")
                                  + "&pollConcurrency=" + concurrency + "&startScheduler=false"
                                  + "&accessTokenProvider=#simTokens&stateRepository=#watcherState\")` (a "
                                  + "`MemoryStateRepository`, the kind the watcher uses by default); the token bean "
                                  + "returns `simulator.stableToken(appId)`. The component's maxConnections is set "
                                  + "to " + component.getMaxConnections() + " (default " + defaultConnections
                                  + "). The simulator answers every "
                                  + "request after " + latency + " ms (`faults().latency`, a sleep on its request "
                                  + "thread) and serves " + simulatorThreads + " requests at once (`threads(int)`; "
                                  + "its default 32 would queue the watcher's " + concurrency + " fetches and double "
                                  + "the cycle). Polls run by `consumer.run()`. Ideal cycle = accounts x latency / "
                                  + "pollConcurrency = " + Section.num(ideal, 3) + " s."
                                  + (inUri ? "" : " The accounts come from an `accountsProvider` bean (a fixed list) "
                                                  + "rather than `appIds`: with " + Section.num(accounts, 0)
                                                  + " appids in the URI the route does not start in reasonable time, "
                                                  + "because Camel's `URISupport.sanitizeUri` (masking secrets in "
                                                  + "endpoint URIs, run several times at route start) takes time "
                                                  + "quadratic in the URI's length: measured 0.1 s for 250 appids, "
                                                  + "1.5 s for 1,000, 5.6 s for 2,000, so minutes for 10,000."));
                List<List<String>> rows = new ArrayList<>();
                for (Poll poll : List.of(first, second, third, fourth)) {
                    rows.add(List.of(poll.label(), Section.num(poll.seconds(), 2), Section.num(poll.requests(), 0),
                            Section.num(poll.emitted(), 0), String.valueOf(poll.failing()),
                            Section.ratio(poll.ratio()), Section.num(poll.cpuShare() * 100, 0) + " %",
                            Section.num(poll.restCpuMicrosPerAccount(), 0),
                            Section.num(poll.simulatorCpuMicrosPerAccount(), 0)));
                }
                double floorRatio = floorSeconds / ideal;
                rows.add(List.of("floor: the same " + Section.num(accounts, 0) + " fetches by a bare HttpClient 5 on "
                                 + concurrency + " threads (no component, no diff, no state)",
                        Section.num(floorSeconds, 2), Section.num(accounts, 0), "-", "-", Section.ratio(floorRatio),
                        "-", "-", "-"));
                section.table(List.of("poll", "cycle s", "getcategory calls", "exchanges", "failing accounts",
                        "vs ideal", "JVM CPU busy (all cores)", "CPU us per account: watcher and component",
                        "CPU us per account: simulator"), rows);
                section.paragraph("The floor row is what this machine and simulator allow: " + concurrency
                                  + " threads of a bare HttpClient 5 (pooled, " + concurrency + " connections) each "
                                  + "fetching getcategory for the next account, once unmeasured and once measured. "
                                  + "Its distance to the ideal is the round trip beyond the simulator's latency "
                                  + "(server and client work, waiting for a core); the watcher's distance to the "
                                  + "floor is the component's own share: its polls took "
                                  + Section.ratio(second.seconds() / floorSeconds) + " and "
                                  + Section.ratio(third.seconds() / floorSeconds) + " of the floor without changes, "
                                  + Section.ratio(fourth.seconds() / floorSeconds) + " with " + Section.num(accounts, 0)
                                  + " changes.");
                section.paragraph("The simulator runs in the same JVM: \"JVM CPU busy\" is the CPU time of the whole "
                                  + "process (watcher and simulator) over the cycle, as a share of all "
                                  + Runtime.getRuntime().availableProcessors() + " cores; near 100 % the cycle is "
                                  + "bound by CPU, not by the watcher's concurrency. The CPU per account splits the "
                                  + "threads' CPU time: the simulator's request threads, and every other thread (the "
                                  + "watcher's fetch threads, the polling thread with the routes, the HTTP client); "
                                  + "JIT compiler and GC threads are not Java threads and count in neither. At the "
                                  + "ideal cycle the 2 cores give " + Section.num(
                                          Runtime.getRuntime().availableProcessors() * ideal * 1e6 / accounts, 0)
                                  + " us of CPU per account in all.");
                section.paragraph("Heap: used heap after `System.gc()` (3x) with the watcher started, connections "
                                  + "open and nothing polled, then again after the first poll recorded the state of "
                                  + "every account: " + Section.num(before / 1048576.0, 1) + " MB -> "
                                  + Section.num(after / 1048576.0, 1) + " MB, (after - before) / "
                                  + Section.num(accounts, 0) + " categories = **" + Section.num(perCategory, 0)
                                  + " bytes per watched category**. It counts everything the first poll left behind: "
                                  + "the state repository (" + stored + " entries, JSON of "
                                  + Section.num(storedChars / (double) Math.max(1, stored), 0) + " chars on average), "
                                  + "the watcher's per-account maps, the component's per-account statistics, and any "
                                  + "simulator growth.");
                section.figure("accounts", accounts).figure("idealSeconds", ideal)
                        .figure("poll1.seconds", first.seconds()).figure("poll2.seconds", second.seconds())
                        .figure("poll3.seconds", third.seconds()).figure("poll4.seconds", fourth.seconds())
                        .figure("poll1.requests", first.requests()).figure("poll2.requests", second.requests())
                        .figure("poll4.emitted", fourth.emitted()).figure("poll1.failing", first.failing())
                        .figure("ratioNoChange", second.ratio()).figure("ratioNoChangeAgain", third.ratio())
                        .figure("ratioWithChanges", fourth.ratio())
                        .figure("heapBytesPerCategory", perCategory).figure("storedStates", stored)
                        .figure("floorSeconds", floorSeconds).figure("ratioFloor", floorRatio);
                double worst = Math.max(Math.max(first.ratio(), second.ratio()), Math.max(third.ratio(), fourth.ratio()));
                section.target("watcher cycle vs ideal (worst of the 4 polls)", "<= 1.2x", Section.ratio(worst)
                        + " (no change: " + Section.ratio(second.ratio()) + ", " + Section.ratio(third.ratio())
                        + "; " + Section.num(accounts, 0) + " changes: " + Section.ratio(fourth.ratio())
                        + "; a bare client's same fetches: " + Section.ratio(floorRatio) + ")", worst <= 1.2);
                section.target("heap per watched category", "<= 512 B", Section.num(perCategory, 0) + " B",
                        perCategory <= 512);
            } finally {
                context.close();
            }
        }
        return section;
    }

    /** {@code accounts} appids, the same in every run. */
    static List<String> appIds(int accounts) {
        return IntStream.range(0, accounts)
                .mapToObj(i -> String.format(Locale.ROOT, "wx%016x", 0x5a00000000L + i)).toList();
    }

    /** Twice the watcher's concurrency, so that the simulator's pool never queues a request behind the latency. */
    static int simulatorThreads(int concurrency) {
        return Math.max(WeChatSimulator.Builder.DEFAULT_THREADS, 2 * concurrency);
    }

    /** A simulator that knows these accounts (secret-i for the i-th), its request log off. */
    static WeChatSimulator simulatorOf(List<String> appIds, int threads) {
        WeChatSimulator.Builder builder = WeChatSimulator.builder().requestLogLimit(0).threads(threads);
        for (int i = 0; i < appIds.size(); i++) {
            builder.account(appIds.get(i), "secret-" + i);
        }
        return builder.build();
    }

    static Poll poll(String label, CategoryAuditConsumer consumer, WeChatSimulator simulator,
                             AtomicLong emitted, int accounts, int latency, int concurrency) {
        int requestsBefore = simulator.requestCount(GET_CATEGORY);
        long emittedBefore = emitted.get();
        long cpuBefore = processCpuNanos();
        Map<Long, Long> threadCpuBefore = threadCpuNanos();
        long started = System.nanoTime();
        consumer.run();
        long wall = System.nanoTime() - started;
        double cpuShare = (processCpuNanos() - cpuBefore) / (double) wall / Runtime.getRuntime().availableProcessors();
        long[] split = simulatorAndRestCpuNanos(threadCpuBefore);
        return new Poll(label, wall / 1e9, simulator.requestCount(GET_CATEGORY) - requestsBefore,
                emitted.get() - emittedBefore, consumer.failingAccounts().size(),
                accounts * (double) latency / concurrency / 1000, cpuShare, split[0] / 1e3 / accounts,
                split[1] / 1e3 / accounts);
    }

    /** getcategory of every account by a bare pooled HttpClient 5 on {@code concurrency} threads; the answers read. */
    private static void bareFetchEach(WeChatSimulator simulator, List<String> appIds, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (CloseableHttpClient http = SimHttp.pooledClient(concurrency)) {
            List<Future<?>> fetches = new ArrayList<>();
            for (String appId : appIds) {
                String url = simulator.baseUrl() + GET_CATEGORY + "?access_token=" + simulator.stableToken(appId);
                fetches.add(pool.submit(() -> http.execute(new HttpGet(url),
                        response -> EntityUtils.toByteArray(response.getEntity()))));
            }
            for (Future<?> fetch : fetches) {
                fetch.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One category (1/2, not sensitive, no certificate needed) per account, over HTTP, 32 at a time. */
    static void addOneCategoryEach(WeChatSimulator simulator, List<String> appIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try (SimHttp http = new SimHttp(simulator)) {
            List<Future<?>> adds = new ArrayList<>();
            for (String appId : appIds) {
                adds.add(pool.submit(() -> {
                    http.postOk("/cgi-bin/wxopen/addcategory?access_token=" + simulator.stableToken(appId),
                            Map.of("categories", List.of(Map.of("first", 1, "second", 2, "certicates", List.of()))));
                    return null;
                }));
            }
            for (Future<?> add : adds) {
                add.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Opens the component's connections (the watcher shares the component's HTTP client) and warms the code path
     * with a category list of every account from a producer, {@code concurrency} at a time, so that neither
     * counts as watcher heap or cycle time.
     */
    static void warmConnections(CamelContext context, List<String> appIds, int concurrency)
            throws Exception {
        Endpoint list = context.getEndpoint("wechat:category?op=list&accessTokenProvider=#simTokens");
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> calls = new ArrayList<>();
            // every account once: JIT-compiles the fetch path before the first measured poll (on 2 cores a few
            // hundred calls left the compilers busy during polls 1-2)
            for (String appId : appIds) {
                calls.add(pool.submit(() -> template.requestBodyAndHeader(list, null, WeChatConstants.APP_ID, appId)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
            template.close();
        }
    }

    /** CPU time of this whole JVM (simulator included); -1 if the JVM does not tell. */
    /** CPU time of every live thread, by thread id. */
    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /** CPU used since {@code before} by the simulator's request threads and by every other Java thread. */
    private static long[] simulatorAndRestCpuNanos(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long simulator = 0;
        long rest = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId()))
                        - before.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().startsWith("wechat-simulator")) {
                simulator += used;
            } else {
                rest += used;
            }
        }
        return new long[] { simulator, rest };
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
