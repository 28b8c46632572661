package io.camelwechat.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.camelwechat.simulator.WeChatSimulator;

/** Scenarios 3 and 4: many callers at once when no valid token is cached. */
final class TokenScenarios {

    private static final String APP_ID = ClientRounds.APP_ID;
    private static final String SECRET = ClientRounds.SECRET;

    private TokenScenarios() {
    }

    /** What a burst of callers released together saw. */
    record Burst(int tokenRequests, int errors, double wallMillis, Latencies.Summary latencies, String firstError) {
    }

    /** Releases {@code callers} threads at once, each making one call; counts the token requests meanwhile. */
    static Burst burst(WeChatSimulator simulator, IndustryClient client, int callers) throws InterruptedException {
        return burst(simulator, List.of(client), callers);
    }

    /**
     * Releases {@code callers} threads at once, caller i calling through {@code clients.get(i % clients.size())}
     * (several nodes), each making one call; counts the token requests meanwhile.
     */
    static Burst burst(WeChatSimulator simulator, List<? extends IndustryClient> clients, int callers)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Latencies> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Latencies recorder = new Latencies();
            recorders.add(recorder);
            IndustryClient client = clients.get(i % clients.size());
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long started = System.nanoTime();
                try {
                    client.getIndustry();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, Section.describe(e));
                }
                recorder.record(System.nanoTime() - started);
            }, "burst-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        int before = SimHttp.tokenRequests(simulator);
        long began = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double wall = (System.nanoTime() - began) / 1e6;
        return new Burst(SimHttp.tokenRequests(simulator) - before, errors.get(), wall, Latencies.merge(recorders),
                firstError.get());
    }

    static Section coldStart(LoadSettings settings) throws Exception {
        Section section = new Section("coldstart", "3. Cold start: " + settings.coldThreads()
                                                   + " threads start together on a cold token cache");
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).requestLogLimit(0)
                .build().start()) {
            SimHttp.setIndustry(simulator, APP_ID);
            String baseUrl = simulator.baseUrl();
            List<Supplier<IndustryClient>> kinds = List.of(
                    () -> new BareIndustryClient(baseUrl, APP_ID, SECRET, 64),
                    () -> new ComponentIndustryClient(baseUrl, APP_ID, SECRET, null),
                    () -> new WxJavaIndustryClient(baseUrl, APP_ID, SECRET));
            List<List<String>> rows = new ArrayList<>();
            List<String> keys = List.of("bare", "component", "wxjava");
            for (int k = 0; k < kinds.size(); k++) {
                List<Integer> requests = new ArrayList<>();
                List<Double> walls = new ArrayList<>();
                int errors = 0;
                String name = null;
                String firstError = null;
                for (int repeat = 0; repeat < settings.coldRepeats(); repeat++) {
                    try (IndustryClient client = kinds.get(k).get()) { // a new client: nothing cached
                        name = client.name();
                        Burst burst = burst(simulator, client, settings.coldThreads());
                        requests.add(burst.tokenRequests());
                        walls.add(burst.wallMillis());
                        errors += burst.errors();
                        firstError = firstError == null ? burst.firstError() : firstError;
                    }
                }
                rows.add(List.of(name, requests.toString(), String.valueOf(errors)
                                       + (firstError == null ? "" : " (" + firstError + ")"),
                        walls.stream().map(Section::ms).toList().toString()));
                section.figure(keys.get(k) + ".maxTokenRequests",
                        requests.stream().mapToInt(Integer::intValue).max().orElse(-1));
                section.figure(keys.get(k) + ".minTokenRequests",
                        requests.stream().mapToInt(Integer::intValue).min().orElse(-1));
                section.figure(keys.get(k) + ".errors", errors);
            }
            section.paragraph(settings.coldRepeats() + " cold starts per client, each on a new client instance "
                              + "(component: a new CamelContext; WxJava: a new WxMpServiceImpl, whose HTTP client "
                              + "is WxJava's process-wide default; bare: a new HttpClient). The "
                              + settings.coldThreads() + " threads wait on a latch and each makes one getIndustry "
                              + "call. The bare client caches its token in a plain volatile field, as hand-written "
                              + "clients often do, so racing first callers each fetch one.");
            section.table(List.of("client", "token requests per cold start", "errors",
                    "time until all answered (ms)"), rows);
            double component = section.figure("component.maxTokenRequests");
            double componentMin = section.figure("component.minTokenRequests");
            section.target("token requests on a cold start at " + settings.coldThreads() + " threads (component)",
                    "exactly 1", componentMin == component ? Section.num(component, 0)
                            : Section.num(componentMin, 0) + "-" + Section.num(component, 0),
                    component == 1 && componentMin == 1);
        }
        return section;
    }

    static Section stampede(LoadSettings settings) throws Exception {
        int callers = settings.stampedeCallers();
        Section section = new Section("stampede", "4. Stampede: " + callers + " callers on an expired token "
                                                  + "(component)");
        FakeTicker ticker = new FakeTicker();
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).requestLogLimit(0)
                .build().start();
             ComponentIndustryClient client = new ComponentIndustryClient(simulator.baseUrl(), APP_ID, SECRET,
                     ticker)) {
            SimHttp.setIndustry(simulator, APP_ID);
            client.getIndustry(); // a token in the cache, and the connections warm
            ticker.advance(Duration.ofSeconds(7200)); // past the cache's hard expiry (7200 s - 60 s margin)
            Burst cacheExpired = burst(simulator, client, callers);
            simulator.clock().advance(Duration.ofSeconds(7201)); // the cached token is now expired at WeChat
            Burst weChatExpired = burst(simulator, client, callers);
            section.paragraph(callers + " threads wait on a latch, then each makes one `wechat:industry?op=get` "
                              + "call through one component (default maxConnections 50, so most callers also queue "
                              + "for a connection). (a) The component's token cache is moved past the token's "
                              + "hard expiry with a fake Caffeine ticker (`WeChatComponent.setTicker`): every "
                              + "caller misses the cache at once. (b) The simulator clock is moved 7201 s: the "
                              + "cached token is still valid for the component but WeChat answers 42001 to it, so "
                              + "every caller fails with the same stale token, invalidates it and retries.");
            List<List<String>> rows = new ArrayList<>();
            rows.add(row("(a) cache expiry (ticker)", cacheExpired));
            rows.add(row("(b) WeChat expiry (42001)", weChatExpired));
            section.table(List.of("case", "upstream token fetches", "errors", "all answered after (ms)",
                    "caller p50 ms", "caller p99 ms"), rows);
            section.figure("cacheExpiry.tokenRequests", cacheExpired.tokenRequests())
                    .figure("cacheExpiry.errors", cacheExpired.errors())
                    .figure("cacheExpiry.p99", cacheExpired.latencies().p99())
                    .figure("weChatExpiry.tokenRequests", weChatExpired.tokenRequests())
                    .figure("weChatExpiry.errors", weChatExpired.errors())
                    .figure("weChatExpiry.p99", weChatExpired.latencies().p99());
            section.target("upstream token fetches, " + callers + " callers on an expired token (cache expiry)",
                    "1", String.valueOf(cacheExpired.tokenRequests()), cacheExpired.tokenRequests() == 1);
            section.target("upstream token fetches, " + callers + " callers on a token WeChat expired (42001)",
                    "1", String.valueOf(weChatExpired.tokenRequests()), weChatExpired.tokenRequests() == 1);
        }
        return section;
    }

    private static List<String> row(String label, Burst burst) {
        return List.of(label, String.valueOf(burst.tokenRequests()), burst.errors()
                                                                   + (burst.firstError() == null ? ""
                                                                           : " (" + burst.firstError() + ")"),
                Section.ms(burst.wallMillis()), Section.ms(burst.latencies().p50()),
                Section.ms(burst.latencies().p99()));
    }
}
