package io.camelwechat.component.wechat.cluster;

import java.time.Duration;
import java.util.List;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watcher's leadership contract on a real ZooKeeper (in-process), and what only a session-based service shows:
 * a leader whose ZooKeeper session expires stands down at once, even though Camel 4.18.0's ZooKeeper view does not
 * stop it, and reads the state afresh when it leads again.
 */
class ZooKeeperLeaderTest extends WatcherLeadershipContract {

    private final InProcessZooKeeper zooKeeper = new InProcessZooKeeper();

    @Override
    CamelClusterService clusterService(String node) {
        return zooKeeper.clusterService(node);
    }

    @Override
    void stopClusterInfrastructure() {
        zooKeeper.close();
    }

    @Test
    void aLeaderWhoseSessionExpiredStandsDown_andReadsTheStateAfreshWhenItLeadsAgain() throws Exception {
        int first = leads(0) ? 0 : 1;
        int second = 1 - first;
        add(0);
        awaitCondition(() -> delivered.size() == 1, WAIT, () -> "the addition, got " + delivered);

        // a long pause, or a partition: ZooKeeper ends the leader's session
        zooKeeper.expireSession((ZooKeeperClusterService) services.get(first));
        awaitCondition(() -> gauge(second) == 1 && gauge(first) == 0, WAIT, () -> "the lead moved");
        simulator.clock().advance(Duration.ofMinutes(11));
        add(1);
        awaitCondition(() -> delivered.size() == 3, WAIT, () -> "the audit result and an addition, got " + delivered);

        stopNode(second); // the first node must now lead again, from the state in the database
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
}
