package io.camelwechat.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cluster story's database when the user names none: a PostgreSQL started in-process from binaries in a Maven
 * jar, on a free port of 127.0.0.1, and removed when the story ends. Test scope, found by {@link
 * java.util.ServiceLoader} on the class path {@code mvn -Pdemo} runs the main job with.
 */
public final class EmbeddedClusterInfrastructure implements ClusterInfrastructure {

    /** The {@link ClusterInfrastructure.Embedded} the service file names. */
    public static final class Starter implements Embedded {
        @Override
        public ClusterInfrastructure start() {
            return new EmbeddedClusterInfrastructure();
        }
    }

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private EmbeddedClusterInfrastructure() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(16);
        config.setPoolName("wechat-cluster-story");
        pool = new HikariDataSource(config);
    }

    @Override
    public DataSource database() {
        return pool;
    }

    @Override
    public String describe() {
        return "an embedded PostgreSQL at jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        pool.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
