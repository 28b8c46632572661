package io.camelwechat.benchmarks.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.camelwechat.benchmarks.database.BenchmarkDatabase;
import io.camelwechat.benchmarks.database.CountingDataSource;
import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.spi.WeChatAccountsProvider;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The category watcher with its delivered state in a database (the component's {@code dataSource} option; the
 * watcher names no stateRepository, so the component gives it a {@code JdbcStateRepository} named after its route):
 * beside the same watcher on in-memory state ({@code watcherdb}), and alone over many accounts ({@code watcherscale}).
 * Polls are driven by hand, as in {@link WatcherScenario}; the simulator answers after {@code latencyMillis}.
 */
final class DatabaseWatcherScenarios {

    static final String DATABASE_WATCHER = "databaseWatcher";
    static final String MEMORY_WATCHER = "memoryWatcher";
    /** The accounts' fetches run before anything is measured: enough to compile the fetch path. */
    private static final int WARM_ACCOUNTS = 10_000;
    private static final Duration DELAY = Duration.ofMinutes(5);
    /**
     * Pairs of polls without changes: on a shared 2-core machine one pair ranged 0.9x-1.4x with no database statement
     * at all, so their median is the figure.
     */
    private static final int NO_CHANGE_ROUNDS = 4;

    private DatabaseWatcherScenarios() {
    }

    /** One CamelContext whose component has the dataSource option, and its watcher routes. */
    private record Watchers(CamelContext context, WeChatComponent component, CountingDataSource database,
                            Map<String, AtomicLong> emitted) implements AutoCloseable {

        /** Rows of the database watcher's state in the table, read past the counting wrapper. */
        int storedStates() throws SQLException {
            try (Connection connection = database.target().getConnection();
                 PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM "
                                                                       + component.getTablePrefix() + "watcher_state "
                                                                       + "WHERE repository = ?")) {
                count.setString(1, "watcher:" + DATABASE_WATCHER);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        }

        /**
         * @param routes the watchers: {@link #DATABASE_WATCHER} (state in the database) and, if asked,
         *               {@link #MEMORY_WATCHER} (the same watcher with a MemoryStateRepository)
         */
        static Watchers start(WeChatSimulator simulator, List<String> appIds, int concurrency, List<String> routes)
                throws Exception {
            CountingDataSource database = BenchmarkDatabase.countingPool(10);
            CamelContext context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(5);
            context.getRegistry().bind("simTokens", new WatcherScenario.SimulatorTokens(simulator));
            context.getRegistry().bind("memoryState", new MemoryStateRepository());
            List<String> watched = List.copyOf(appIds);
            context.getRegistry().bind("watchedAccounts", (WeChatAccountsProvider) () -> watched);
            WeChatComponent component = new WeChatComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.setMaxConnections(Math.max(component.getMaxConnections(), concurrency));
            component.setDataSource(database);
            component.setTablePrefix(BenchmarkDatabase.freshPrefix()); // empty tables: no state from an earlier run
            context.addComponent("wechat", component);
            Map<String, AtomicLong> emitted = new LinkedHashMap<>();
            String uri = "wechat:category?accountsProvider=#watchedAccounts&pollConcurrency=" + concurrency
                         + "&startScheduler=false&accessTokenProvider=#simTokens";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String route : routes) {
                        AtomicLong count = emitted.computeIfAbsent(route, r -> new AtomicLong());
                        from(route.equals(MEMORY_WATCHER) ? uri + "&stateRepository=#memoryState" : uri)
                                .routeId(route).process(exchange -> count.incrementAndGet());
                    }
                }
            });
            context.start();
            return new Watchers(context, component, database, emitted);
        }

        CategoryAuditConsumer consumer(String route) {
            return (CategoryAuditConsumer) context.getRoute(route).getConsumer();
        }

        @Override
        public void close() throws Exception {
            try {
                context.close();
            } finally {
                BenchmarkDatabase.close(database);
            }
        }
    }

    /** A poll of one watcher, with what it asked of the database. */
    private record CountedPoll(WatcherScenario.Poll poll, CountingDataSource.Counts database) {
    }

    private static CountedPoll poll(Watchers watchers, String route, String label, WeChatSimulator simulator,
                                    int accounts, LoadSettings settings) {
        CountingDataSource.Counts before = watchers.database().counts();
        WatcherScenario.Poll poll = WatcherScenario.poll(label, watchers.consumer(route), simulator,
                watchers.emitted().get(route), accounts, settings.latencyMillis(), settings.pollConcurrency());
        return new CountedPoll(poll, watchers.database().counts().minus(before));
    }

    /** Accounts with one category each on a simulator that answers after the latency; the setup timed. */
    private record Setup(WeChatSimulator simulator, List<String> appIds, double seconds) {
        static Setup of(int accounts, LoadSettings settings) throws Exception {
            List<String> appIds = WatcherScenario.appIds(accounts);
            long started = System.nanoTime();
            WeChatSimulator simulator = WatcherScenario.simulatorOf(appIds,
                    WatcherScenario.simulatorThreads(settings.pollConcurrency())).start();
            WatcherScenario.addOneCategoryEach(simulator, appIds);
            return new Setup(simulator, appIds, (System.nanoTime() - started) / 1e9);
        }
    }

    /** {@code watcherdb}: the same polls by a watcher on database state and one on memory state, alternating. */
    static Section sideBySide(LoadSettings settings) throws Exception {
        int accounts = settings.databaseAccounts();
        Section section = new Section("watcherdb", "9. Watcher state in a database vs in memory: "
                                                   + Section.num(accounts, 0) + " accounts, pollConcurrency "
                                                   + settings.pollConcurrency() + ", latency "
                                                   + settings.latencyMillis() + " ms");
        Setup setup = Setup.of(accounts, settings);
        try (WeChatSimulator simulator = setup.simulator();
             Watchers watchers = Watchers.start(simulator, setup.appIds(), settings.pollConcurrency(),
                     List.of(DATABASE_WATCHER, MEMORY_WATCHER))) {
            simulator.faults().latency(Duration.ofMillis(settings.latencyMillis()));
            WatcherScenario.warmConnections(watchers.context(), warmAccounts(setup.appIds()),
                    settings.pollConcurrency());
            List<String> labels = new ArrayList<>(List.of("1: first poll, state recorded"));
            for (int i = 0; i < NO_CHANGE_ROUNDS; i++) {
                labels.add((i + 2) + ": no change");
            }
            labels.add((NO_CHANGE_ROUNDS + 2) + ": every category approved, " + Section.num(accounts, 0)
                       + " exchanges");
            List<List<String>> rows = new ArrayList<>();
            List<Double> noChange = new ArrayList<>();
            double first = Double.NaN;
            double changes = Double.NaN;
            for (int round = 0; round < labels.size(); round++) {
                if (round == labels.size() - 1) {
                    simulator.clock().advance(Duration.ofMinutes(10)); // every audit ends: one change per account
                }
                // alternating which watcher polls first, so that neither always meets a warmer or busier machine
                boolean databaseFirst = round % 2 == 1;
                CountedPoll one = poll(watchers, databaseFirst ? DATABASE_WATCHER : MEMORY_WATCHER,
                        labels.get(round), simulator, accounts, settings);
                CountedPoll other = poll(watchers, databaseFirst ? MEMORY_WATCHER : DATABASE_WATCHER,
                        labels.get(round), simulator, accounts, settings);
                CountedPoll database = databaseFirst ? one : other;
                CountedPoll memory = databaseFirst ? other : one;
                double ratio = database.poll().seconds() / memory.poll().seconds();
                if (round == 0) {
                    first = ratio;
                    section.figure("storedStates", watchers.storedStates());
                } else if (round == labels.size() - 1) {
                    changes = ratio;
                } else {
                    noChange.add(ratio);
                }
                rows.add(List.of(labels.get(round), databaseFirst ? "database" : "memory",
                        Section.num(memory.poll().seconds(), 2), Section.num(database.poll().seconds(), 2),
                        Section.ratio(ratio), Section.num(database.database().writes(), 0),
                        Section.num(database.database().statements(), 0),
                        Section.num(memory.poll().emitted(), 0) + " / " + Section.num(database.poll().emitted(), 0),
                        memory.poll().failing() + " / " + database.poll().failing(),
                        Section.num(database.poll().restCpuMicrosPerAccount(), 0) + " / "
                        + Section.num(memory.poll().restCpuMicrosPerAccount(), 0)));
                String key = round == labels.size() - 1 ? "changes" : "poll" + (round + 1);
                section.figure(key + ".ratio", ratio).figure(key + ".memorySeconds", memory.poll().seconds())
                        .figure(key + ".databaseSeconds", database.poll().seconds())
                        .figure(key + ".databaseWrites", database.database().writes())
                        .figure(key + ".memoryEmitted", memory.poll().emitted())
                        .figure(key + ".databaseEmitted", database.poll().emitted())
                        .figure(key + ".requests", memory.poll().requests() + database.poll().requests());
            }
            section.paragraph("Setup: " + Section.num(accounts, 0) + " simulator accounts with one category each ("
                              + Section.num(setup.seconds(), 1) + " s). One CamelContext, one component with "
                              + "`dataSource` (a HikariCP pool of 10 over the embedded PostgreSQL, statements "
                              + "counted), two routes `from(\"wechat:category?accountsProvider=#watchedAccounts"
                              + "&pollConcurrency=" + settings.pollConcurrency() + "&startScheduler=false"
                              + "&accessTokenProvider=#simTokens\")`: `" + DATABASE_WATCHER + "` as it is (its state "
                              + "goes to the component's `JdbcStateRepository`: rows read once at start, changes "
                              + "written behind in batches and flushed before the poll ends), `" + MEMORY_WATCHER + "` with "
                              + "`stateRepository=#memoryState` (a `MemoryStateRepository`). Each round polls both "
                              + "(`consumer.run()`), one after the other, the first alternating. Writes and "
                              + "statements are the database watcher's during its poll.");
            section.table(List.of("poll", "polled first", "memory s", "database s", "database / memory",
                    "write statements (a batch is one)", "database statements", "exchanges memory / database",
                    "failing memory / database", "CPU us per account, database / memory (watcher threads)"), rows);
            double noChangeMedian = median(noChange);
            double worst = Math.max(Math.max(first, changes), noChangeMedian);
            section.figure("worstRatio", worst).figure("noChangeMedianRatio", noChangeMedian);
            section.target("watcher cycle, state in a database / in memory, " + Section.num(accounts, 0)
                           + " accounts", "<= 1.15x", "first poll " + Section.ratio(first) + ", no change "
                           + Section.ratio(noChangeMedian) + " (median of " + noChange.size() + "), "
                           + Section.num(accounts, 0) + " changes " + Section.ratio(changes), worst <= 1.15);
        }
        return section;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> warmAccounts(List<String> appIds) {
        return appIds.subList(0, Math.min(appIds.size(), WARM_ACCOUNTS));
    }

    /**
     * {@code watcherscale}: one leader watching many accounts with database state and no changes: cycle time,
     * database writes per cycle, heap per account, and from these the accounts one node can watch at a 5-minute
     * delay.
     */
    static Section scale(LoadSettings settings) throws Exception {
        int accounts = settings.scaleAccounts();
        int concurrency = settings.pollConcurrency();
        int cores = Runtime.getRuntime().availableProcessors();
        Section section = new Section("watcherscale", "10. One leader, " + Section.num(accounts, 0) + " accounts, "
                                                      + "state in a database, pollConcurrency " + concurrency
                                                      + ", latency " + settings.latencyMillis() + " ms");
        Setup setup = Setup.of(accounts, settings);
        try (WeChatSimulator simulator = setup.simulator();
             Watchers watchers = Watchers.start(simulator, setup.appIds(), concurrency, List.of(DATABASE_WATCHER))) {
            simulator.faults().latency(Duration.ofMillis(settings.latencyMillis()));
            List<String> warm = warmAccounts(setup.appIds());
            WatcherScenario.warmConnections(watchers.context(), warm, concurrency);
            long before = WatcherScenario.usedHeapAfterGc();
            CountedPoll first = poll(watchers, DATABASE_WATCHER, "1: first poll, state recorded", simulator, accounts,
                    settings);
            long after = WatcherScenario.usedHeapAfterGc();
            section.figure("storedStates", watchers.storedStates());
            CountedPoll second = poll(watchers, DATABASE_WATCHER, "2: no change", simulator, accounts, settings);
            CountedPoll third = poll(watchers, DATABASE_WATCHER, "3: no change", simulator, accounts, settings);
            double heapPerAccount = (after - before) / (double) accounts;
            List<List<String>> rows = new ArrayList<>();
            for (CountedPoll poll : List.of(first, second, third)) {
                rows.add(List.of(poll.poll().label(), Section.num(poll.poll().seconds(), 1),
                        Section.ratio(poll.poll().ratio()), Section.num(poll.poll().requests(), 0),
                        Section.num(poll.database().writes(), 0), Section.num(poll.database().statements(), 0),
                        String.valueOf(poll.poll().failing()), Section.num(poll.poll().cpuShare() * 100, 0) + " %",
                        Section.num(poll.poll().restCpuMicrosPerAccount(), 0),
                        Section.num(poll.poll().simulatorCpuMicrosPerAccount(), 0)));
            }
            double cycle = Math.max(second.poll().seconds(), third.poll().seconds()); // the slower no-change cycle
            double watcherCpuMicros = Math.max(second.poll().restCpuMicrosPerAccount(),
                    third.poll().restCpuMicrosPerAccount());
            long writes = second.database().writes() + third.database().writes();
            double delaySeconds = DELAY.toSeconds();
            // what this run shows: the measured cycle grows with the accounts at this pollConcurrency
            double byCycle = accounts * delaySeconds / cycle;
            // what the cores allow once pollConcurrency is raised so that latency no longer bounds the cycle
            double byCpu = cores * delaySeconds * 1e6 / watcherCpuMicros;
            double byConcurrency = delaySeconds * concurrency * 1000.0 / settings.latencyMillis();
            section.paragraph("Setup: " + Section.num(accounts, 0) + " simulator accounts with one category each ("
                              + Section.num(setup.seconds(), 1) + " s), one CamelContext whose component has "
                              + "`dataSource` (HikariCP, 10 connections, statements counted), one route `from(\""
                              + "wechat:category?accountsProvider=#watchedAccounts&pollConcurrency=" + concurrency
                              + "&startScheduler=false&accessTokenProvider=#simTokens\")` whose state is the "
                              + "component's `JdbcStateRepository`, polled by `consumer.run()`; the simulator answers "
                              + "after " + settings.latencyMillis() + " ms. Before the first poll "
                              + Section.num(warm.size(), 0) + " accounts were fetched once by a producer (connections "
                              + "and JIT); the others' per-account objects count in the heap.");
            section.table(List.of("poll", "cycle s", "vs ideal", "getcategory calls", "write statements (a batch is one)",
                    "database statements", "failing", "JVM CPU busy (all cores)",
                    "CPU us per account: watcher and component", "CPU us per account: simulator"), rows);
            section.paragraph("Heap: used heap after `System.gc()` (3x) before the first poll and after it: "
                              + Section.num(before / 1048576.0, 1) + " MB -> " + Section.num(after / 1048576.0, 1)
                              + " MB, **" + Section.num(heapPerAccount, 0) + " bytes per account** (the "
                              + "repository's rows held in memory, the watcher's and the component's per-account "
                              + "state, any simulator growth).");
            section.paragraph("Accounts one node of " + cores + " cores can watch at a " + DELAY.toMinutes()
                              + "-minute delay (a cycle no longer than " + Section.num(delaySeconds, 0) + " s), "
                              + "derived from this run: (a) measured cycle, which grows linearly with the accounts at "
                              + "pollConcurrency " + concurrency + ": " + Section.num(accounts, 0) + " x "
                              + Section.num(delaySeconds, 0) + " / " + Section.num(cycle, 1) + " s = **"
                              + Section.num(byCycle, 0) + "** (the latency bound alone, " + concurrency + " x "
                              + Section.num(delaySeconds, 0) + " s / " + settings.latencyMillis() + " ms, is "
                              + Section.num(byConcurrency, 0) + "); (b) extrapolated, with pollConcurrency raised "
                              + "until the cores are the limit: " + cores + " cores x " + Section.num(delaySeconds, 0)
                              + " s / " + Section.num(watcherCpuMicros, 0) + " us of watcher CPU per account = "
                              + Section.num(byCpu, 0) + " (the simulator's CPU not counted, it is WeChat's; heap "
                              + "at that size: " + Section.num(byCpu * heapPerAccount / 1048576.0, 0) + " MB). "
                              + "WeChat's daily quota of getcategory calls per account (" + Section.num(
                                      24 * 60 / (double) DELAY.toMinutes(), 0)
                              + " polls a day at this delay) is not modelled.");
            section.figure("accounts", accounts).figure("poll1.seconds", first.poll().seconds())
                    .figure("poll2.seconds", second.poll().seconds()).figure("poll3.seconds", third.poll().seconds())
                    .figure("poll1.writes", first.database().writes()).figure("noChangeWrites", writes)
                    .figure("poll2.requests", second.poll().requests()).figure("poll1.failing", first.poll().failing())
                    .figure("heapBytesPerAccount", heapPerAccount).figure("accountsAtDelayMeasured", byCycle)
                    .figure("accountsAtDelayCpu", byCpu);
            section.target("database writes per cycle without changes, " + Section.num(accounts, 0) + " accounts",
                    "0", Section.num(writes, 0), writes == 0);
        }
        return section;
    }
}
