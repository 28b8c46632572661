package io.camelwechat.springboot.example;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The example application's database, as {@code spring.datasource.*} would name a real one: an embedded PostgreSQL
 * on a free port of 127.0.0.1, started once for the test JVM and stopped with it.
 */
final class ExampleDatabase {

    private static EmbeddedPostgres postgres;

    private ExampleDatabase() {
    }

    /** Points Spring Boot's DataSource at it; the wechat component picks that DataSource up. */
    static void register(DynamicPropertyRegistry registry) {
        EmbeddedPostgres database = started();
        registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    private static synchronized EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM ends anyway; the embedded database's files are temporary
                }
            }));
        }
        return postgres;
    }
}
