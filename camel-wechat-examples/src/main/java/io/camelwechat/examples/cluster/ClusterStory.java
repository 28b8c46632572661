package io.camelwechat.examples.cluster;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.examples.AuditWatcherLog;
import io.camelwechat.examples.ExampleTarget;
import io.camelwechat.examples.Steps;

/**
 * The main job's {@code --cluster} story: two nodes (two Camel applications in this JVM) that share nothing but a
 * database. They race for the first token and WeChat is asked once; one node watches the audits, stops, and the
 * other carries on from the state the first left in the database, re-emitting nothing.
 */
public final class ClusterStory {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ExampleTarget target;
    private final ClusterInfrastructure infrastructure;
    private final PrintStream out;
    private final Steps steps;
    private final AuditWatcherLog watcherLog;
    private final List<ClusterNode> nodes = new ArrayList<>();

    private ClusterStory(ExampleTarget target, ClusterInfrastructure infrastructure, PrintStream out) {
        this.target = target;
        this.infrastructure = infrastructure;
        this.out = out;
        this.steps = new Steps(out);
        this.watcherLog = new AuditWatcherLog(out);
    }

    /** Runs the story against the target of the environment (the simulator unless credentials are set). */
    public static Steps.Result run(Map<String, String> environment, PrintStream out) throws Exception {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(environment);
             ClusterInfrastructure infrastructure = ClusterInfrastructure.fromEnvironment(environment)) {
            return new ClusterStory(target, infrastructure, out).tell();
        }
    }

    private Steps.Result tell() throws Exception {
        out.println("camel-wechat cluster story: two nodes (Camel applications in this JVM) sharing only "
                    + infrastructure.describe() + ", against " + target.describe());
        try {
            steps.step("Start node-1 and node-2, each with camel.component.wechat.data-source set", this::startNodes);
            steps.step("Both nodes take calls at once, before either holds a token", this::raceForTheFirstToken);
            if (target.isSimulator()) {
                steps.step("node-1 watches the audits; a category is added", this::watchOnNodeOne);
                steps.step("node-1 stops; node-2 starts its watcher on the state in the database", this::handOver);
                steps.step("Let WeChat audit (the simulator's clock moves 11 minutes): node-2 reports it",
                        this::auditReportedByNodeTwo);
            }
        } finally {
            for (ClusterNode node : nodes) {
                node.close();
            }
        }
        return steps.finish();
    }

    private String startNodes() throws Exception {
        for (String name : List.of("node-1", "node-2")) {
            nodes.add(new ClusterNode(name, target, infrastructure.database(), watcherLog).start());
        }
        return "2 nodes started; the component created its tables (wechat_*) if they were missing";
    }

    private String raceForTheFirstToken() throws Exception {
        int callsPerNode = target.isSimulator() ? 64 : 4;
        ExecutorService callers = Executors.newFixedThreadPool(callsPerNode * nodes.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SettingCategories>> answers = new ArrayList<>();
            for (ClusterNode node : nodes) {
                for (int i = 0; i < callsPerNode; i++) {
                    Callable<SettingCategories> call = () -> {
                        go.await();
                        return node.template().requestBody("direct:list-categories", null, SettingCategories.class);
                    };
                    answers.add(callers.submit(call));
                }
            }
            go.countDown();
            for (Future<SettingCategories> answer : answers) {
                answer.get();
            }
            return answers.size() + " calls answered; " + target.tokenFetches()
                    .stream().mapToObj(fetches -> "WeChat was asked for a token " + fetches
                                                  + (fetches == 1 ? " time: the other node read it from the database"
                                                          : " times"))
                    .findFirst().orElse("every node used the token in the database");
        } finally {
            callers.shutdownNow();
        }
    }

    private String watchOnNodeOne() throws Exception {
        ClusterNode first = nodes.get(0);
        first.startWatcher(WAIT);
        SettableCategories settable = first.template().requestBody("direct:settable-categories", null,
                SettableCategories.class);
        SettableCategory open = settable.categories().stream()
                .filter(category -> category.level() == 2 && !category.needsQualification()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no category without a qualification to add"));
        first.template().requestBody("direct:add-category", CategoryRequest.of(open.father(), open.id()));
        CategoryChange added = watcherLog.await(1, WAIT).get(0);
        return "node-1 delivered the addition of " + added.firstName() + "/" + added.secondName()
               + "; the database holds what it delivered";
    }

    private String handOver() throws Exception {
        nodes.get(0).close();
        nodes.remove(0);
        nodes.get(0).startWatcher(WAIT);
        if (watcherLog.pending() != 0) {
            throw new IllegalStateException("node-2 re-emitted " + watcherLog.pending() + " change(s)");
        }
        return "node-2 polled and re-emitted nothing: it read node-1's delivered state";
    }

    private String auditReportedByNodeTwo() throws Exception {
        target.letAuditsComplete();
        CategoryChange audited = watcherLog.await(1, WAIT).get(0);
        return "node-2 delivered " + AuditWatcherLog.describe(audited);
    }
}
