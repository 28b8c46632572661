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
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.simulator.WeChatSimulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The category watcher under {@code master:} on a real ZooKeeper (in-process), its state in the shared database:
 * one node polls, a standby is ready and shows it does not lead, the next takes over when the leader stops; and a
 * leader whose ZooKeeper session expires stands down at once, even though Camel 4.18.0's ZooKeeper view does not
 * stop it, and reads the state afresh when it leads again.
 */
class ZooKeeperLeaderTest {

    private static final String ACCOUNT = "wx00000000zkleader";
    private static final String SECRET = "zk-leader-secret-0123456789abcde";
    private static final String ROUTE = "audit";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WeChatSimulator simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).build().start();
    private final InProcessZooKeeper zooKeeper = new InProcessZooKeeper();
    private final String tablePrefix = SharedPostgres.freshPrefix();
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<ZooKeeperClusterService> services = new ArrayList<>();
    private final List<SimpleMeterRegistry> meters = new ArrayList<>();
    private LogCapture log;
    private WeChatNodes nodes;
    private List<SettableCategory> open;

    @BeforeEach
    void startNodes() throws Exception {
        log = LogCapture.start("zookeeper-leader");
        nodes = new WeChatNodes(2, simulator, SharedPostgres.dataSource(), tablePrefix, component -> {
            component.getConfiguration().setAppId(ACCOUNT);
            component.getConfiguration().setAppSecret(SECRET);
        });
        for (int i = 0; i < 2; i++) {
            String name = "node-" + (i + 1);
            CamelContext context = nodes.node(i).context();
            ZooKeeperClusterService service = zooKeeper.clusterService(name);
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
        zooKeeper.close();
        simulator.stop();
        log.close();
    }

    @Test
    void theStandbyIsReady_andTheNextNodeTakesOverWhenTheLeaderStops() throws Exception {
        int leader = leads(0) ? 0 : 1;
        int standby = 1 - leader;
        assertEquals(0, gauge(standby), "the standby shows it does not lead");
        HealthCheck.Result readiness = HealthCheckHelper.invokeReadiness(nodes.node(standby).context(), "full")
                .stream().filter(result -> result.getState() != HealthCheck.State.UP).findFirst().orElse(null);
        assertEquals(null, readiness, "the standby is ready: healthy, just not leading");

        add(0);
        awaitCondition(() -> delivered.size() == 1, WAIT, () -> "the addition, got " + delivered);
        nodes.node(leader).context().stop();
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

    @Test
    void aLeaderWhoseSessionExpiredStandsDown_andReadsTheStateAfreshWhenItLeadsAgain() throws Exception {
        int first = leads(0) ? 0 : 1;
        int second = 1 - first;
        add(0);
        awaitCondition(() -> delivered.size() == 1, WAIT, () -> "the addition, got " + delivered);

        zooKeeper.expireSession(services.get(first)); // a long pause, or a partition: ZooKeeper ends its session
        awaitCondition(() -> gauge(second) == 1 && gauge(first) == 0, WAIT, () -> "the lead moved");
        simulator.clock().advance(Duration.ofMinutes(11));
        add(1);
        awaitCondition(() -> delivered.size() == 3, WAIT, () -> "the audit result and an addition, got " + delivered);

        nodes.node(second).context().stop(); // the first node must now lead again, from the state in the database
        awaitCondition(() -> gauge(first) == 1, WAIT, () -> "the first node leads again");
        simulator.clock().advance(Duration.ofMinutes(11));
        awaitCondition(() -> delivered.size() >= 4, WAIT, () -> "the second audit result, got " + delivered);
        pollsMore(5);

        int one = open.get(0).id();
        int two = open.get(1).id();
        assertEquals(List.of(name(first) + " ADDED " + one + " 1", name(second) + " STATUS_CHANGED " + one + " 3",
                name(second) + " ADDED " + two + " 1", name(first) + " STATUS_CHANGED " + two + " 3"), delivered,
                "nothing delivered by the node that lost its session, nothing re-emitted when it led again");
        assertTrue(log.text().contains("Route audit on node " + name(first) + " no longer leads namespace audit"),
                "standing down is logged, naming the route and the node");
    }

    private void add(int category) {
        SettableCategory chosen = open.get(category);
        nodes.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(chosen.father(),
                chosen.id()));
    }

    private boolean leads(int node) {
        return gauge(node) == 1;
    }

    private double gauge(int node) {
        Gauge gauge = meters.get(node).find("wechat.watcher.leader").tags("route", ROUTE, "node", name(node))
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static String name(int node) {
        return "node-" + (node + 1);
    }

    private int polls() {
        return simulator.requestCount("/cgi-bin/wxopen/getcategory");
    }

    /** Lets the leader poll a few more times, so that a duplicate would have shown. */
    private void pollsMore(int count) throws InterruptedException {
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
