package io.camelwechat.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.camelwechat.examples.cluster.ClusterStory;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;

/**
 * The examples' main job: starts Camel (camel-main) with the wechat component configured for the target, runs
 * {@link ExampleStory} through the routes of {@link OperationRoutes}, prints a summary, the readiness checks and the
 * wechat developer console, and exits non-zero if a step failed.
 */
public final class WeChatExamples {

    private static final List<String> KNOWN_OPTIONS = List.of("--story=main", "--story=cluster", "--watch");

    private WeChatExamples() {
    }

    /**
     * Runs the story and exits 0 if every step passed. With {@code --watch} (or {@code WECHAT_EXAMPLES_WATCH=true})
     * it keeps the audit watcher running afterwards, printing every change, until the process is stopped. With
     * {@code --story=cluster} (or {@code WECHAT_EXAMPLES_CLUSTER=true}) it tells the {@link ClusterStory} instead.
     */
    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        List<String> unknown = options.stream().filter(option -> !KNOWN_OPTIONS.contains(option)).toList();
        if (!unknown.isEmpty()) {
            System.err.println("unknown option(s) " + unknown + "; the options are " + KNOWN_OPTIONS);
            System.exit(2);
        }
        boolean keepWatching = options.contains("--watch")
                               || Boolean.parseBoolean(System.getenv("WECHAT_EXAMPLES_WATCH"));
        boolean cluster = options.contains("--story=cluster")
                          || Boolean.parseBoolean(System.getenv("WECHAT_EXAMPLES_CLUSTER"));
        Steps.Result result = cluster ? ClusterStory.run(System.getenv(), System.out)
                : run(System.getenv(), System.out, keepWatching);
        System.exit(result.succeeded() ? 0 : 1);
    }

    /** The readiness checks camel-main exposes (the component's token check, the watcher's, Camel's own). */
    static String readiness(Main main) {
        return HealthCheckHelper.invokeReadiness(main.getCamelContext()).stream()
                .filter(result -> result.getCheck().getId().startsWith("wechat")
                                  || result.getCheck().getId().equals("context")
                                  || result.getCheck().getId().equals("consumer:audit-watcher"))
                .sorted(Comparator.comparing(result -> result.getCheck().getId()))
                .map(result -> result.getCheck().getId() + " " + result.getState())
                .collect(Collectors.joining(", "));
    }

    /**
     * What the wechat developer console shows now, as text: the same console Hawtio and camel CLI-style tools read
     * (as JSON) from Camel's console registry.
     */
    static String console(Main main) {
        DevConsoleRegistry registry = main.getCamelContext().getCamelContextExtension()
                .getContextPlugin(DevConsoleRegistry.class);
        DevConsole console = registry == null ? null : registry.resolveById("wechat");
        return console == null ? "no wechat developer console (is camel-console on the classpath?)\n"
                : (String) console.call(DevConsole.MediaType.TEXT);
    }

    static Steps.Result run(Map<String, String> environment, PrintStream out) throws Exception {
        return run(environment, out, false);
    }

    static Steps.Result run(Map<String, String> environment, PrintStream out, boolean keepWatching)
            throws Exception {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(environment)) {
            AuditWatcherLog watcherLog = new AuditWatcherLog(out);
            Main main = new Main();
            main.configure().withName("camel-wechat-examples");
            // against the simulator the watcher polls fast so the story moves on; against WeChat once a minute
            main.configure().addRoutesBuilder(new OperationRoutes(watcherLog, target.isSimulator() ? 200 : 60_000));
            // the same keys an application.properties would hold
            main.addInitialProperty("camel.component.wechat.base-url", target.baseUrl());
            main.addInitialProperty("camel.component.wechat.app-id", target.appId());
            main.addInitialProperty("camel.component.wechat.app-secret", target.appSecret());
            main.addInitialProperty("camel.health.enabled", "true");
            main.addInitialProperty("camel.health.exposure-level", "full");
            main.start();
            try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
                Steps.Result result = new ExampleStory(template, target, watcherLog, out).run();
                out.println("Readiness: " + readiness(main));
                out.print("Developer console (wechat):\n" + console(main));
                if (keepWatching) {
                    out.println("Watching category audits; stop the process to end.");
                    new CountDownLatch(1).await();
                }
                return result;
            } finally {
                main.stop();
            }
        }
    }
}
