package io.camelwechat.examples.cluster;

import java.util.Map;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * What the nodes of the cluster story share, and all they share: a database. A real one when
 * {@code WECHAT_DATABASE_URL} is set; otherwise an embedded PostgreSQL, which only the demo's class path has (it is
 * test infrastructure, kept out of what an application would ship).
 */
public interface ClusterInfrastructure extends AutoCloseable {

    /** Starts the embedded infrastructure; found with {@link ServiceLoader} on the demo's class path. */
    interface Embedded {
        ClusterInfrastructure start();
    }

    DataSource database();

    /** The database for the story's first line: its kind and URL, never a user or password. */
    String describe();

    @Override
    void close();

    static ClusterInfrastructure fromEnvironment(Map<String, String> environment) {
        String url = environment.get("WECHAT_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new ExternalDatabase(url, environment.get("WECHAT_DATABASE_USER"),
                    environment.get("WECHAT_DATABASE_PASSWORD"));
        }
        return ServiceLoader.load(Embedded.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the cluster story needs a database: set WECHAT_DATABASE_URL (with WECHAT_DATABASE_USER and "
                        + "WECHAT_DATABASE_PASSWORD) to a PostgreSQL, or run it with mvn -Pdemo, which brings an "
                        + "embedded one"))
                .start();
    }
}
