package io.camelwechat.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import io.camelwechat.benchmarks.database.BenchmarkDatabase;
import io.camelwechat.benchmarks.database.CountingDataSource;
import io.camelwechat.simulator.WeChatSimulator;

/**
 * Shared state on a database, cluster-wide cold start: {@code clusterNodes} nodes (each its own CamelContext and
 * wechat component, so its own Caffeine cache and HikariCP pool) on one PostgreSQL and one simulator, all their
 * callers asking for the same account's token at once. With the {@code dataSource} option the cluster must make
 * one upstream token fetch. Then the same burst once more, the token cached everywhere: it must not touch the
 * database.
 */
final class ClusterColdStartScenario {

    private static final String APP_ID = ClientRounds.APP_ID;
    private static final String SECRET = ClientRounds.SECRET;

    private ClusterColdStartScenario() {
    }

    /** The nodes of one cold start, on fresh tables. */
    private record Cluster(List<ComponentIndustryClient> nodes, List<CountingDataSource> pools)
            implements AutoCloseable {

        static Cluster start(WeChatSimulator simulator, int nodes, int poolSize) {
            String prefix = BenchmarkDatabase.freshPrefix(); // empty tables: nothing stored by an earlier start
            List<ComponentIndustryClient> clients = new ArrayList<>();
            List<CountingDataSource> pools = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                CountingDataSource pool = BenchmarkDatabase.countingPool(poolSize);
                pools.add(pool);
                clients.add(new ComponentIndustryClient(simulator.baseUrl(), APP_ID, SECRET, null, pool, prefix));
            }
            return new Cluster(clients, pools);
        }

        CountingDataSource.Counts counts() {
            CountingDataSource.Counts sum = new CountingDataSource.Counts(0, 0, 0);
            for (CountingDataSource pool : pools) {
                CountingDataSource.Counts counts = pool.counts();
                sum = new CountingDataSource.Counts(sum.connections() + counts.connections(),
                        sum.statements() + counts.statements(), sum.writes() + counts.writes());
            }
            return sum;
        }

        @Override
        public void close() {
            nodes.forEach(ComponentIndustryClient::close);
            pools.forEach(BenchmarkDatabase::close);
        }
    }

    static Section run(LoadSettings settings) throws Exception {
        int nodes = settings.clusterNodes();
        int threads = settings.clusterThreads();
        int callers = nodes * threads;
        Section section = new Section("clustercold", "8. Shared state on a database: " + nodes + " nodes x " + threads
                                                     + " threads on a cold cluster");
        // as many request threads as callers: the simulator never queues the burst's API calls
        try (WeChatSimulator simulator = WeChatSimulator.builder().account(APP_ID, SECRET).requestLogLimit(0)
                .threads(Math.max(WeChatSimulator.Builder.DEFAULT_THREADS, callers)).build().start()) {
            SimHttp.setIndustry(simulator, APP_ID);
            List<List<String>> rows = new ArrayList<>();
            List<Latencies.Summary> cold = new ArrayList<>();
            List<Latencies.Summary> warm = new ArrayList<>();
            int maxFetches = 0;
            int minFetches = Integer.MAX_VALUE;
            int errors = 0;
            long warmStatements = 0;
            for (int repeat = 1; repeat <= settings.clusterRepeats(); repeat++) {
                try (Cluster cluster = Cluster.start(simulator, nodes, settings.clusterPoolSize())) {
                    TokenScenarios.Burst first = TokenScenarios.burst(simulator, cluster.nodes(), callers);
                    CountingDataSource.Counts beforeWarm = cluster.counts();
                    TokenScenarios.Burst again = TokenScenarios.burst(simulator, cluster.nodes(), callers);
                    CountingDataSource.Counts warmCounts = cluster.counts().minus(beforeWarm);
                    maxFetches = Math.max(maxFetches, first.tokenRequests());
                    minFetches = Math.min(minFetches, first.tokenRequests());
                    errors += first.errors() + again.errors();
                    warmStatements += warmCounts.statements() + again.tokenRequests();
                    cold.add(first.latencies());
                    warm.add(again.latencies());
                    rows.add(List.of(String.valueOf(repeat), String.valueOf(first.tokenRequests()),
                            first.errors() + (first.firstError() == null ? "" : " (" + first.firstError() + ")"),
                            Section.ms(first.latencies().p50()), Section.ms(first.latencies().p99()),
                            Section.ms(first.latencies().maxMillis()), Section.ms(again.latencies().p50()),
                            Section.ms(again.latencies().p99()), Section.ms(again.latencies().maxMillis()),
                            String.valueOf(warmCounts.statements())));
                }
            }
            Latencies.Summary coldAll = Latencies.Summary.merge(cold);
            Latencies.Summary warmAll = Latencies.Summary.merge(warm);
            section.paragraph(settings.clusterRepeats() + " cold starts. Each: " + nodes + " CamelContexts, each with "
                              + "its own `WeChatComponent` (appId and appSecret, stable tokens, defaults otherwise), "
                              + "its own Caffeine token cache and its own HikariCP pool of "
                              + settings.clusterPoolSize() + " connections, all with `dataSource` set to one embedded "
                              + "PostgreSQL and a table prefix no earlier start used (empty tables). " + callers
                              + " threads (" + threads + " per node) wait on a latch, then each makes one "
                              + "`wechat:industry?op=get` call through its node. Upstream fetches are the simulator's "
                              + "count of `/cgi-bin/stable_token` and `/cgi-bin/token` requests. A caller's wait is "
                              + "its whole call: the token (cache, database row lock, one fetch) and the "
                              + "getIndustry round trip; the second burst, the token cached on every node, is the "
                              + "same call without the token part. Database statements are counted by a wrapper "
                              + "around each node's pool.");
            section.table(List.of("cold start", "upstream token fetches", "errors", "cold p50 ms", "cold p99 ms",
                    "cold max ms", "cached p50 ms", "cached p99 ms", "cached max ms",
                    "database statements, cached burst"), rows);
            section.paragraph("All cold starts: wait p50 " + Section.ms(coldAll.p50()) + " ms, p99 "
                              + Section.ms(coldAll.p99()) + " ms, max " + Section.ms(coldAll.maxMillis())
                              + " ms; cached: p50 " + Section.ms(warmAll.p50()) + " ms, p99 "
                              + Section.ms(warmAll.p99()) + " ms, max " + Section.ms(warmAll.maxMillis()) + " ms.");
            section.figure("minTokenRequests", minFetches).figure("maxTokenRequests", maxFetches)
                    .figure("errors", errors).figure("cachedStatements", warmStatements)
                    .figure("cold.p50", coldAll.p50()).figure("cold.p99", coldAll.p99())
                    .figure("cold.max", coldAll.maxMillis()).figure("cached.p50", warmAll.p50())
                    .figure("cached.p99", warmAll.p99());
            section.target("upstream token fetches, " + nodes + " nodes x " + threads + " callers on a cold cluster",
                    "exactly 1", minFetches == maxFetches ? String.valueOf(maxFetches) : minFetches + "-" + maxFetches,
                    minFetches == 1 && maxFetches == 1);
            section.target("database statements (and token fetches) while every node's token is cached", "0",
                    String.valueOf(warmStatements), warmStatements == 0);
        }
        return section;
    }
}
