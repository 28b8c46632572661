package io.camelwechat.examples.cluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.examples.ExampleTarget;
import io.camelwechat.examples.Steps;
import io.camelwechat.examples.cluster.AuditChangeTable.Delivery;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The main job's cluster story: three nodes, each a JVM of its own running {@link ClusterNodeMain}, that share
 * nothing but a PostgreSQL and a ZooKeeper. They need the account's token at once and WeChat is asked once; one
 * node leads the audit watcher; it is killed (SIGKILL) and another takes over from the state in the database,
 * delivering the next change once; the killed node comes back as a standby.
 */
public final class ClusterStory {

    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ExampleTarget target;
    private final ClusterInfrastructure infrastructure;
    private final PrintStream out;
    private final Steps steps;
    private final AuditChangeTable changes;
    private ClusterNodes nodes;
    private String leader;
    private SettableCategory added;

    private ClusterStory(ExampleTarget target, ClusterInfrastructure infrastructure, PrintStream out) {
        this.target = target;
        this.infrastructure = infrastructure;
        this.out = out;
        this.steps = new Steps(out);
        this.changes = new AuditChangeTable(infrastructure.database());
    }

    /** Runs the story against the target of the environment (the simulator unless credentials are set). */
    public static Steps.Result run(Map<String, String> environment, PrintStream out) throws Exception {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(environment);
             ClusterInfrastructure infrastructure = ClusterInfrastructure.fromEnvironment(environment)) {
            return new ClusterStory(target, infrastructure, out).tell();
        }
    }

    private Steps.Result tell() throws Exception {
        out.println("camel-wechat cluster story: three nodes (JVMs of their own) sharing only "
                    + infrastructure.describe() + ", against " + target.describe());
        Path folder = Files.createTempDirectory("camel-wechat-cluster");
        try (ClusterNodes started = new ClusterNodes(nodeProperties(), folder, out)) {
            nodes = started;
            steps.step("Start node-1, node-2 and node-3; each lists the account's categories at once", this::start);
            steps.step("ZooKeeper elects one node to run the audit watcher", this::elect);
            if (target.isSimulator()) {
                steps.step("A category is added: the leader delivers it", this::addCategory);
            }
            steps.step("kill -9 the leader", this::killLeader);
            if (target.isSimulator()) {
                steps.step("Let WeChat audit (the simulator's clock moves 11 minutes): the new leader delivers it",
                        this::auditDeliveredByTheNewLeader);
            }
            steps.step("The killed node comes back: it joins as a standby", this::restartKilled);
        } finally {
            Files.deleteIfExists(folder.resolve("cluster-node.properties"));
            Files.deleteIfExists(folder);
        }
        return steps.finish();
    }

    private Map<String, String> nodeProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.wechat.base-url", target.baseUrl());
        properties.put("camel.component.wechat.token-mode", "classic"); // safe on many nodes with a shared database
        properties.put("camel.component.wechat.app-secrets[" + target.appId() + "]", target.appSecret());
        properties.put("cluster.accounts", target.appId());
        properties.put("cluster.watch-delay", target.isSimulator() ? "200" : "60000");
        properties.put("cluster.zookeeper", infrastructure.zooKeeper());
        properties.put("cluster.session-timeout", "2000"); // a dead leader's lead is freed within 2 s
        properties.put("cluster.database.url", infrastructure.databaseUrl());
        properties.put("cluster.database.user", infrastructure.databaseUser());
        properties.put("cluster.database.password", infrastructure.databasePassword());
        return properties;
    }

    private String start() throws InterruptedException {
        NODES.forEach(nodes::start);
        nodes.awaitReady(NODES, WAIT);
        return "3 nodes ready; " + target.tokenFetches().stream()
                .mapToObj(fetches -> "WeChat was asked for a token " + fetches + " time(s): one node fetched it, "
                                     + "the others read it from the database")
                .findFirst().orElse("each node read the account's token from the database or fetched it once");
    }

    private String elect() throws Exception {
        leader = nodes.awaitTakeover(0, WAIT).node();
        // what the leader sees at its first poll is where it starts from, not a change: wait for it to be recorded
        await(() -> watcherState() != null, () -> "the leader's first poll recorded");
        return leader + " leads; the other two stand by (ready, not polling)";
    }

    private String addCategory() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String account = "&appId=" + target.appId() + "&tokenMode=static&accessToken=" + target.staticToken();
            SettableCategories settable = template.requestBody("wechat:category?op=all&baseUrl=" + target.baseUrl()
                                                               + account, null, SettableCategories.class);
            added = settable.categories().stream()
                    .filter(category -> category.level() == 2 && !category.needsQualification()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no category without a qualification to add"));
            template.requestBody("wechat:category?op=add&baseUrl=" + target.baseUrl() + account,
                    CategoryRequest.of(added.father(), added.id()));
        }
        Delivery delivery = awaitDeliveries(1).get(0);
        // the leader records what it delivered once the exchange is done: killing it before that would make the next
        // leader deliver the addition again (rightly: the downstream may not have it), which is not this story's point
        await(this::watcherRecordedAddition, () -> "the watcher's state holding " + added.name());
        return delivery.node() + " delivered " + delivery.type() + " " + added.name() + " (under review)";
    }

    private String killLeader() throws InterruptedException {
        int before = nodes.takeoverCount();
        long killed = System.nanoTime();
        nodes.kill(leader);
        ClusterNodes.Takeover next = nodes.awaitTakeover(before, WAIT);
        String dead = leader;
        leader = next.node();
        return next.node() + " took the lead " + Duration.ofNanos(next.atNanos() - killed).toMillis()
               + " ms after " + dead + " died (ZooKeeper ended its session)";
    }

    private String auditDeliveredByTheNewLeader() throws Exception {
        target.letAuditsComplete();
        List<Delivery> deliveries = awaitDeliveries(2);
        Delivery audit = deliveries.get(1);
        if (!audit.node().equals(leader) || deliveries.stream().map(Delivery::transition).distinct().count() != 2) {
            throw new IllegalStateException("expected one delivery by " + leader + ", got " + deliveries);
        }
        return audit.node() + " delivered " + audit.type() + " " + added.name() + " (approved), reading what the "
               + "dead leader delivered from the database: nothing twice";
    }

    private String restartKilled() throws InterruptedException {
        String killed = NODES.stream().filter(name -> !name.equals(leader)).filter(name -> !nodes.isRunning(name))
                .findFirst().orElseThrow();
        int takeovers = nodes.takeoverCount();
        nodes.start(killed);
        nodes.awaitReady(List.of(killed), WAIT);
        if (nodes.takeoverCount() != takeovers) {
            throw new IllegalStateException("the lead moved when " + killed + " came back");
        }
        return killed + " is back and ready; " + leader + " still leads";
    }

    private List<Delivery> awaitDeliveries(int count) throws Exception {
        await(() -> changes.deliveries().size() >= count, () -> count + " deliveries, got " + changes.deliveries());
        return changes.deliveries();
    }

    /** Whether the watcher's state in the database holds the added category. */
    private boolean watcherRecordedAddition() throws SQLException {
        String state = watcherState();
        return state != null && state.contains("\"" + added.father() + "/" + added.id() + "\"");
    }

    /** The account's categories as the watcher last recorded them (the component's default table), or null. */
    private String watcherState() throws SQLException {
        try (Connection connection = infrastructure.database().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM wechat_watcher_state WHERE state_key = ?")) {
            select.setString(1, target.appId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void await(Callable<Boolean> condition, Callable<String> awaited) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("expected " + awaited.call() + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
