package io.camelwechat.component.wechat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * A real ZooKeeper server in this JVM (Curator's TestingServer) on a free port of 127.0.0.1, with a short tick so
 * that sessions can be short: a node that stops answering loses its leadership in about {@link #SESSION_MILLIS}.
 */
public final class InProcessZooKeeper implements AutoCloseable {

    /** The nodes' session timeout: the time a silent leader keeps its leadership. */
    public static final int SESSION_MILLIS = 2_000;
    private static final int TICK_MILLIS = 100;

    private final TestingServer server;
    private final List<CuratorFramework> curators = new CopyOnWriteArrayList<>();

    public InProcessZooKeeper() {
        try {
            InstanceSpec spec = new InstanceSpec(null, AvailablePortFinder.getNextAvailable(), -1, -1, true, -1,
                    TICK_MILLIS, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
            server = new TestingServer(spec, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process ZooKeeper", e);
        }
    }

    public String connectString() {
        return server.getConnectString();
    }

    /**
     * A cluster service for one node, as an application would declare it, on a Curator client of its own so that a
     * test can expire its session.
     */
    public ZooKeeperClusterService clusterService(String nodeId) {
        CuratorFramework curator = CuratorFrameworkFactory.builder().connectString(connectString())
                .sessionTimeoutMs(SESSION_MILLIS).connectionTimeoutMs(SESSION_MILLIS)
                .retryPolicy(new ExponentialBackoffRetry(100, 10, 1_000)).build();
        curator.start();
        curators.add(curator);
        ZooKeeperClusterService service = new ZooKeeperClusterService(new ZooKeeperCuratorConfiguration());
        service.setId(nodeId);
        service.setBasePath("/camel-wechat");
        service.setCuratorFramework(curator);
        return service;
    }

    /**
     * Ends the node's ZooKeeper session on the server, as a long pause or a partition would: its ephemeral nodes
     * (its place in the election) are gone at once, and its client learns of the expiry when it next talks to the
     * server.
     */
    public void expireSession(ZooKeeperClusterService node) throws Exception {
        ZooKeeper client = node.getCuratorFramework().getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        // connecting with the session's id and password, then closing, ends the session on the server
        try (ZooKeeper sameSession = new ZooKeeper(connectString(), SESSION_MILLIS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, client.getSessionId(), client.getSessionPasswd())) {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not join the session to end it");
            }
        }
    }

    @Override
    public void close() {
        curators.forEach(CuratorFramework::close); // the cluster services leave clients they were given open
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
