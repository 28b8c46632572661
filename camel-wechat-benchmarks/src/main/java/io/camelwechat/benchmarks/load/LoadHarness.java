package io.camelwechat.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelwechat.simulator.WeChatSimulator;

/**
 * The load harness of issue 7: the component beside a bare Apache HttpClient 5 and WxJava against the WeChat
 * simulator on 127.0.0.1, all in one run, and the component's token cache, category watcher and push receiver
 * under load. Writes a Markdown report (default {@code target/benchmarks/load-report.md}) and prints it.
 * <p>
 * Arguments: scenario names ({@code steady churn coldstart stampede watcher push soak clustercold watcherdb
 * watcherscale}; none or {@code all} runs every one), {@code smoke} for tiny sizes, and {@code name=value} options
 * (see {@link LoadSettings}), e.g. {@code steady churn threads=8 roundSeconds=5}. The scenarios up to soak take about
 * 4 minutes with the defaults; the three on a database (an embedded PostgreSQL) add about 3.5 minutes, most of it
 * watcherscale's 100,000 accounts.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>();
        LoadSettings settings = LoadSettings.parse(args, scenarios);
        Report report = run(settings, scenarios);
        System.out.println(report.markdown());
        System.out.println("Report written to " + settings.report().toAbsolutePath());
        System.exit(0); // WxJava's idle-connection monitor thread is not a daemon
    }

    /** The sections of a run, by scenario name, and the Markdown written. */
    record Report(Map<String, Section> sections, String markdown, double seconds) {
        Section section(String name) {
            Section section = sections.get(name);
            if (section == null) {
                throw new IllegalArgumentException("no section " + name + " in " + sections.keySet());
            }
            return section;
        }
    }

    static Report run(LoadSettings settings, List<String> scenarios) throws Exception {
        long started = System.nanoTime();
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            long scenarioStarted = System.nanoTime();
            System.err.println("[load] " + scenario + " ...");
            try {
                Section section = switch (scenario) {
                    case "steady" -> ClientRounds.steady(settings);
                    case "churn" -> ClientRounds.churn(settings);
                    case "coldstart" -> TokenScenarios.coldStart(settings);
                    case "stampede" -> TokenScenarios.stampede(settings);
                    case "watcher" -> WatcherScenario.run(settings);
                    case "push" -> PushScenario.run(settings);
                    case "soak" -> SoakScenario.run(settings);
                    case "clustercold" -> ClusterColdStartScenario.run(settings);
                    case "watcherdb" -> DatabaseWatcherScenarios.sideBySide(settings);
                    case "watcherscale" -> DatabaseWatcherScenarios.scale(settings);
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                };
                section.figure("scenarioSeconds", (System.nanoTime() - scenarioStarted) / 1e9);
                sections.put(scenario, section);
            } catch (Exception | AssertionError e) {
                failures.put(scenario, e.getClass().getSimpleName() + ": " + e.getMessage());
                e.printStackTrace();
            }
            System.err.printf("[load] %s done in %.1f s%n", scenario, (System.nanoTime() - scenarioStarted) / 1e9);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String markdown = markdown(settings, sections, failures, seconds);
        Path out = settings.report();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("scenarios failed: " + failures + " (report: " + out + ")");
        }
        return new Report(sections, markdown, seconds);
    }

    private static String markdown(LoadSettings settings, Map<String, Section> sections, Map<String, String> failures,
                                   double seconds) {
        StringBuilder md = new StringBuilder("# camel-wechat load report\n\n");
        Runtime runtime = Runtime.getRuntime();
        md.append("Run ").append(Instant.now()).append(", ").append(Section.num(seconds, 1)).append(" s. Machine: ")
                .append(runtime.availableProcessors()).append(" cores (shared: figures are noisy; compare the ratios, "
                                                              + "measured in the same run), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append("), max heap ")
                .append(runtime.maxMemory() / 1048576).append(" MB, JVM arguments ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(".\n\n")
                .append("Everything runs in this one JVM on loopback: the simulator (`com.sun.net.httpserver`, ")
                .append(WeChatSimulator.Builder.DEFAULT_THREADS).append(" request threads, more in the watcher "
                        + "scenario) and the clients share the cores, so a client's figures include the "
                        + "simulator's CPU time. Settings: `").append(settings.asOptions()).append("`.\n\n");
        md.append("## Targets (issue 7)\n\n| scenario | what | target | measured | met |\n| --- | --- | --- | --- | --- |\n");
        for (Section section : sections.values()) {
            for (Section.Target target : section.targets()) {
                md.append("| ").append(target.scenario()).append(" | ").append(target.what()).append(" | ")
                        .append(target.target()).append(" | ").append(target.measured()).append(" | ")
                        .append(target.met() ? "yes" : "**no**").append(" |\n");
            }
        }
        failures.forEach((scenario, failure) -> md.append("| ").append(scenario).append(" | failed: ")
                .append(failure.replace('|', '/').replace('\n', ' ')).append(" | | | **no** |\n"));
        md.append('\n');
        for (Section section : sections.values()) {
            md.append(section.toMarkdown());
        }
        return md.toString();
    }

}
