package io.camelwechat.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sizes of a run. The defaults keep a full run of every scenario within about 4 minutes on 2 cores.
 *
 * @param threads            callers in the steady and churn rounds
 * @param roundSeconds       length of one steady round of one client
 * @param rounds             steady rounds per client (the clients alternate: B C W, C W B, W B C, ...)
 * @param warmupSeconds      unmeasured warm-up round per client before the measured rounds
 * @param churnRoundSeconds  length of one churn round of one client
 * @param churnRounds        churn rounds per client
 * @param churnEverySeconds  how often "another node" force-refreshes the stable token during churn rounds
 * @param busyRate           share of API calls the simulator answers {@code -1} during churn
 * @param churnRate          calls per second scheduled during churn rounds (all clients alike; 0: back to back)
 * @param coldThreads        callers starting together on a cold token cache
 * @param coldRepeats        cold starts per client
 * @param stampedeCallers    callers released together on an expired token
 * @param accounts           accounts watched by the category watcher, one category each
 * @param pollConcurrency    the watcher's pollConcurrency
 * @param latencyMillis      simulator latency during the watcher's polls
 * @param pushes             measured pushes (plus half as many, at least 20, unmeasured first)
 * @param receiverPushes     measured pre-built pushes POSTed to the receiver, each followed by a POST to the empty
 *                           route (the floor), after as many of both unmeasured
 * @param soakCalls          calls of the soak
 * @param soakThreads        callers of the soak
 * @param soakBusyRate       share of API calls the simulator answers {@code -1} during the soak
 * @param soakExpirySeconds  how often every token expires at WeChat during the soak
 * @param soakRate           calls per second scheduled during the soak
 * @param clusterNodes       nodes (CamelContexts) sharing one database in the cluster cold start
 * @param clusterThreads     callers per node in the cluster cold start
 * @param clusterRepeats     cluster cold starts, each on fresh tables
 * @param clusterPoolSize    connections in each node's pool
 * @param databaseAccounts   accounts of the watcher with database state beside in-memory state
 * @param scaleAccounts      accounts of one leader watching with database state (the scale scenario)
 * @param report             where the Markdown report is written
 */
record LoadSettings(int threads, double roundSeconds, int rounds, double warmupSeconds, double churnRoundSeconds,
                    int churnRounds, double churnEverySeconds, double busyRate, double churnRate, int coldThreads, int coldRepeats,
                    int stampedeCallers, int accounts, int pollConcurrency, int latencyMillis, int pushes,
                    int receiverPushes, int soakCalls, int soakThreads, double soakBusyRate, double soakExpirySeconds,
                    double soakRate, int clusterNodes, int clusterThreads, int clusterRepeats, int clusterPoolSize,
                    int databaseAccounts, int scaleAccounts, Path report) {

    static final List<String> SCENARIOS = List.of("steady", "churn", "coldstart", "stampede", "watcher", "push",
            "soak", "clustercold", "watcherdb", "watcherscale");

    static LoadSettings defaults() {
        // 10 s of warm-up per client: on 2 cores the component (Camel and more code to compile) reaches its plateau
        // only after 10 to 15 s, the bare client after about 6 s; a 2 s warm-up measured the JIT (0.80x vs 1.00x)
        return new LoadSettings(16, 3, 3, 10, 4, 3, 2, 0.01, 1000, 16, 3, 1000, 10_000, 64, 20, 200, 10_000,
                20_000, 32, 0.05, 5, 700, 3, 64, 3, 10, 10_000, 100_000, Path.of("target", "benchmarks", "load-report.md"));
    }

    /** Tiny sizes for the smoke test: every scenario in a few seconds. */
    static LoadSettings smoke() {
        return new LoadSettings(8, 1, 2, 0.5, 1, 2, 0.5, 0.01, 200, 16, 2, 1000, 100, 64, 20, 20, 200,
                400, 8, 0.05, 0.5, 400, 3, 64, 1, 10, 100, 300, Path.of("target", "benchmarks", "load-report-smoke.md"));
    }

    /** Option name to value, as {@code name=value} arguments are written. */
    Map<String, String> asOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("threads", String.valueOf(threads));
        options.put("roundSeconds", String.valueOf(roundSeconds));
        options.put("rounds", String.valueOf(rounds));
        options.put("warmupSeconds", String.valueOf(warmupSeconds));
        options.put("churnRoundSeconds", String.valueOf(churnRoundSeconds));
        options.put("churnRounds", String.valueOf(churnRounds));
        options.put("churnEverySeconds", String.valueOf(churnEverySeconds));
        options.put("busyRate", String.valueOf(busyRate));
        options.put("churnRate", String.valueOf(churnRate));
        options.put("coldThreads", String.valueOf(coldThreads));
        options.put("coldRepeats", String.valueOf(coldRepeats));
        options.put("stampedeCallers", String.valueOf(stampedeCallers));
        options.put("accounts", String.valueOf(accounts));
        options.put("pollConcurrency", String.valueOf(pollConcurrency));
        options.put("latencyMillis", String.valueOf(latencyMillis));
        options.put("pushes", String.valueOf(pushes));
        options.put("receiverPushes", String.valueOf(receiverPushes));
        options.put("soakCalls", String.valueOf(soakCalls));
        options.put("soakThreads", String.valueOf(soakThreads));
        options.put("soakBusyRate", String.valueOf(soakBusyRate));
        options.put("soakExpirySeconds", String.valueOf(soakExpirySeconds));
        options.put("soakRate", String.valueOf(soakRate));
        options.put("clusterNodes", String.valueOf(clusterNodes));
        options.put("clusterThreads", String.valueOf(clusterThreads));
        options.put("clusterRepeats", String.valueOf(clusterRepeats));
        options.put("clusterPoolSize", String.valueOf(clusterPoolSize));
        options.put("databaseAccounts", String.valueOf(databaseAccounts));
        options.put("scaleAccounts", String.valueOf(scaleAccounts));
        options.put("report", report.toString());
        return options;
    }

    /** Scenario names and {@code name=value} options, e.g. {@code steady churn threads=8 roundSeconds=2}. */
    static LoadSettings parse(String[] args, List<String> scenariosOut) {
        Map<String, String> options = defaults().asOptions();
        List<String> scenarios = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                String name = arg.substring(0, eq);
                if (!options.containsKey(name)) {
                    throw new IllegalArgumentException("unknown option " + name + "; known: " + options.keySet());
                }
                options.put(name, arg.substring(eq + 1));
            } else if (arg.equals("all")) {
                scenarios.addAll(SCENARIOS);
            } else if (SCENARIOS.contains(arg.toLowerCase(Locale.ROOT))) {
                scenarios.add(arg.toLowerCase(Locale.ROOT));
            } else if (arg.equals("smoke")) {
                smoke().asOptions().forEach(options::put);
            } else {
                throw new IllegalArgumentException("unknown scenario " + arg + "; known: " + SCENARIOS
                                                   + ", all, smoke (tiny sizes), or name=value options "
                                                   + options.keySet());
            }
        }
        scenariosOut.addAll(scenarios.isEmpty() ? SCENARIOS : scenarios.stream().distinct().toList());
        return new LoadSettings(Integer.parseInt(options.get("threads")),
                Double.parseDouble(options.get("roundSeconds")), Integer.parseInt(options.get("rounds")),
                Double.parseDouble(options.get("warmupSeconds")), Double.parseDouble(options.get("churnRoundSeconds")),
                Integer.parseInt(options.get("churnRounds")), Double.parseDouble(options.get("churnEverySeconds")),
                Double.parseDouble(options.get("busyRate")), Double.parseDouble(options.get("churnRate")),
                Integer.parseInt(options.get("coldThreads")),
                Integer.parseInt(options.get("coldRepeats")), Integer.parseInt(options.get("stampedeCallers")),
                Integer.parseInt(options.get("accounts")), Integer.parseInt(options.get("pollConcurrency")),
                Integer.parseInt(options.get("latencyMillis")), Integer.parseInt(options.get("pushes")),
                Integer.parseInt(options.get("receiverPushes")),
                Integer.parseInt(options.get("soakCalls")), Integer.parseInt(options.get("soakThreads")),
                Double.parseDouble(options.get("soakBusyRate")), Double.parseDouble(options.get("soakExpirySeconds")),
                Double.parseDouble(options.get("soakRate")), Integer.parseInt(options.get("clusterNodes")),
                Integer.parseInt(options.get("clusterThreads")), Integer.parseInt(options.get("clusterRepeats")),
                Integer.parseInt(options.get("clusterPoolSize")), Integer.parseInt(options.get("databaseAccounts")),
                Integer.parseInt(options.get("scaleAccounts")), Path.of(options.get("report")));
    }
}
