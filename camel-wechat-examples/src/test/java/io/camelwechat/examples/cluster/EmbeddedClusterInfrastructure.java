package io.camelwechat.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * The cluster story's PostgreSQL and ZooKeeper when the user names none: started in this JVM on free ports of
 * 127.0.0.1 (PostgreSQL from binaries in a Maven jar, ZooKeeper from curator-test) and removed when the story ends.
 * Test scope, found by {@link java.util.ServiceLoader} on the class path {@code mvn -Pdemo} runs the main job with.
 */
public final class EmbeddedClusterInfrastructure implements ClusterInfrastructure {

    /** ZooKeeper's tick: sessions may be as short as two ticks, so a killed node's lead is freed in a second or two. */
    private static final int TICK_MILLIS = 200;

    /** The {@link ClusterInfrastructure.Embedded} the service file names. */
    public static final class Starter implements Embedded {
        @Override
        public ClusterInfrastructure start() {
            return new EmbeddedClusterInfrastructure();
        }
    }

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final TestingServer zooKeeper;

    private EmbeddedClusterInfrastructure() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            zooKeeper = new TestingServer(new InstanceSpec(null, InstanceSpec.getRandomPort(), -1, -1, true, -1,
                    TICK_MILLIS, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"), true);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot start the embedded PostgreSQL and ZooKeeper", e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(4);
        config.setPoolName("wechat-cluster-story");
        pool = new HikariDataSource(config);
    }

    @Override
    public DataSource database() {
        return pool;
    }

    @Override
    public String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String databaseUser() {
        return "postgres";
    }

    @Override
    public String databasePassword() {
        return "";
    }

    @Override
    public String zooKeeper() {
        return zooKeeper.getConnectString();
    }

    @Override
    public String describe() {
        return "an embedded PostgreSQL at " + databaseUrl() + " and an embedded ZooKeeper at " + zooKeeper();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        try {
            if (zooKeeper != null) {
                zooKeeper.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL or ZooKeeper", e);
        }
    }
}
