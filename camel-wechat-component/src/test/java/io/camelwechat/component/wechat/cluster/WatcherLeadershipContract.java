package io.camelwechat.component.wechat.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.camelwechat.component.wechat.LogCapture;
import io.camelwechat.component.wechat.database.SharedPostgres;
import io.camelwechat.component.wechat.database.WeChatNodes;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.simulator.WeChatSimulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the category watcher under {@code master:} must do on any of Camel's cluster services, with its state in the
 * shared database: one of two nodes polls, the standby is ready and shows it does not lead, and the next node takes
 * over when the leader stops, delivering each change once. Each cluster service's test supplies the service.
 */
abstract class WatcherLeadershipContract {

    static final String ROUTE = "audit";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACCOUNT = "wx00000000leaders";
    private static final String SECRET = "leader-election-secret-0123456789";

    final WeChatSimulator simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).build().start();
    final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    final List<CamelClusterService> services = new ArrayList<>();
    private final String tablePrefix = SharedPostgres.freshPrefix();
    private final List<SimpleMeterRegistry> meters = new ArrayList<>();
    LogCapture log;
    WeChatNodes nodes;
    List<SettableCategory> open;

    /** The cluster service one node declares, as an application would, named after the node. */
    abstract CamelClusterService clusterService(String node) throws Exception;

    /** Stops what the cluster service runs on (the ZooKeeper, the Kubernetes API server). */
    abstract void stopClusterInfrastructure();

    /** What the infrastructure sees when a node's process ends (Kubernetes removes its pod); nothing by default. */
    void nodeEnded(String node) {
    }

    @BeforeEach
    void startNodes() throws Exception {
        log = LogCapture.start("leader-election");
        nodes = new WeChatNodes(2, simulator, SharedPostgres.dataSource(), tablePrefix, component -> {
            component.getConfiguration().setAppId(ACCOUNT);
            component.getConfiguration().setAppSecret(SECRET);
        });
        for (int i = 0; i < 2; i++) {
            String name = name(i);
            CamelContext context = nodes.node(i).context();
            CamelClusterService service = clusterService(name);
            services.add(service);
            context.addService(service);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            meters.add(registry);
            context.getRegistry().bind("meters", registry);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:audit:wechat:category?initialDelay=0&delay=50").routeId(ROUTE)
                            .process(exchange -> {
                                CategoryChange change = exchange.getMessage().getBody(CategoryChange.class);
                                delivered.add(name + " " + change.type() + " " + change.second() + " "
                                              + change.status());
                            });
                }
            });
        }
        nodes.start();
        open = nodes.node(0).template().requestBody("wechat:category?op=all", null, SettableCategories.class)
                .categories().stream().filter(category -> category.level() == 2 && !category.needsQualification())
                .limit(2).toList();
        awaitCondition(() -> leads(0) || leads(1), WAIT, () -> "a leader");
        int polls = polls();
        awaitCondition(() -> polls() > polls, WAIT, () -> "the leader's first poll");
    }

    @AfterEach
    void stop() {
        nodes.close();
        stopClusterInfrastructure();
        simulator.stop();
        log.close();
    }

    @Test
    void theStandbyIsReady_andTheNextNodeTakesOverWhenTheLeaderStops() throws Exception {
        int leader = leads(0) ? 0 : 1;
        int standby = 1 - leader;
        assertEquals(0, gauge(standby), "the standby shows it does not lead");
        HealthCheck.Result notUp = HealthCheckHelper.invokeReadiness(nodes.node(standby).context(), "full")
                .stream().filter(result -> result.getState() != HealthCheck.State.UP).findFirst().orElse(null);
        assertNull(notUp, "the standby is ready: healthy, just not leading");

        add(0);
        awaitCondition(() -> delivered.size() == 1, WAIT, () -> "the addition, got " + delivered);
        stopNode(leader);
        awaitCondition(() -> gauge(standby) == 1, WAIT, () -> "the standby leads");
        simulator.clock().advance(Duration.ofMinutes(11));
        awaitCondition(() -> delivered.size() == 2, WAIT, () -> "the audit result, got " + delivered);
        pollsMore(5);

        assertEquals(List.of(name(leader) + " ADDED " + open.get(0).id() + " 1",
                name(standby) + " STATUS_CHANGED " + open.get(0).id() + " 3"), delivered,
                "delivered once, by whoever led at the time");
        assertTrue(log.text().contains("Route audit on node " + name(standby) + " leads namespace audit"),
                "the takeover is logged, naming the route and the node");
        assertEquals(List.of("watcher:audit"), repositories(), "both nodes kept the state under the route's name");
    }

    void stopNode(int node) {
        nodes.node(node).context().stop();
        nodeEnded(name(node));
    }

    void add(int category) {
        SettableCategory chosen = open.get(category);
        nodes.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(chosen.father(),
                chosen.id()));
    }

    boolean leads(int node) {
        return gauge(node) == 1;
    }

    double gauge(int node) {
        Gauge gauge = meters.get(node).find("wechat.watcher.leader").tags("route", ROUTE, "node", name(node))
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    static String name(int node) {
        return "node-" + (node + 1);
    }

    private int polls() {
        return simulator.requestCount("/cgi-bin/wxopen/getcategory");
    }

    /** Lets the leader poll a few more times, so that a duplicate would have shown. */
    void pollsMore(int count) throws InterruptedException {
        int seen = polls();
        awaitCondition(() -> polls() >= seen + count, WAIT, () -> count + " more polls");
    }

    private List<String> repositories() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT repository FROM " + tablePrefix + "watcher_state");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
