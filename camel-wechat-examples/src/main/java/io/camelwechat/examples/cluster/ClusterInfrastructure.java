package io.camelwechat.examples.cluster;

import java.util.Map;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * What the nodes of the cluster story share, and all they share: a PostgreSQL and a ZooKeeper. Real ones when
 * {@code WECHAT_DATABASE_URL} and {@code WECHAT_ZOOKEEPER} are set; otherwise embedded ones, which only the demo's
 * class path has (they are test infrastructure, kept out of what an application would ship).
 */
public interface ClusterInfrastructure extends AutoCloseable {

    /** Starts the embedded infrastructure; found with {@link ServiceLoader} on the demo's class path. */
    interface Embedded {
        ClusterInfrastructure start();
    }

    /** A pool for the story's own reads (the nodes open their own). */
    DataSource database();

    String databaseUrl();

    String databaseUser();

    String databasePassword();

    /** The ZooKeeper connect string, host:port[,host:port...]. */
    String zooKeeper();

    /** For the story's first line: where the database and ZooKeeper are, never a user or password. */
    String describe();

    @Override
    void close();

    static ClusterInfrastructure fromEnvironment(Map<String, String> environment) {
        String url = environment.get("WECHAT_DATABASE_URL");
        String zooKeeper = environment.get("WECHAT_ZOOKEEPER");
        if (url != null && !url.isBlank() && zooKeeper != null && !zooKeeper.isBlank()) {
            return new ExternalInfrastructure(url, environment.get("WECHAT_DATABASE_USER"),
                    environment.get("WECHAT_DATABASE_PASSWORD"), zooKeeper);
        }
        return ServiceLoader.load(Embedded.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the cluster story needs a PostgreSQL and a ZooKeeper: set WECHAT_DATABASE_URL (with "
                        + "WECHAT_DATABASE_USER and WECHAT_DATABASE_PASSWORD) and WECHAT_ZOOKEEPER, or run it with "
                        + "mvn -Pdemo, which brings embedded ones"))
                .start();
    }
}
