package io.camelwechat.component.wechat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the test JVM, started in-process from binaries in a Maven jar on a free port of
 * 127.0.0.1 when the first test asks, and stopped when the JVM ends. Tests keep apart by table prefix.
 */
public final class SharedPostgres {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    private SharedPostgres() {
    }

    /** A pool over it, as an application would give the component one. */
    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            postgres = start();
            pool = pool(postgres);
        }
        return pool;
    }

    /** A small pool that gives up on a connection after 2 s, so that a test of a database outage is quick. */
    static HikariDataSource pool(EmbeddedPostgres database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.getPostgresDatabase());
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1); // a pool made while the database is down still comes up
        return new HikariDataSource(config);
    }

    /** A table prefix no other test uses: its own empty tables. */
    public static String freshPrefix() {
        return "t" + PREFIXES.incrementAndGet() + "_";
    }

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }
}
