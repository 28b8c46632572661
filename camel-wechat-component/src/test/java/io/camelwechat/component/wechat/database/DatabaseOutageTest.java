package io.camelwechat.component.wechat.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.camelwechat.component.wechat.Conditions;
import io.camelwechat.component.wechat.FakeTicker;
import io.camelwechat.component.wechat.WeChatDatabaseException;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.internal.watcher.WatcherProbe;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.simulator.WeChatSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database stops in the middle of a run and comes back: valid tokens keep being served, a fetch that needs it
 * fails naming it (and calls WeChat not at all), and afterwards everything works again with nothing lost.
 */
class DatabaseOutageTest {

    private static final String ACCOUNT = "wx00000000outage01";
    private static final String SECRET = "outage-secret-0123456789abcdef01";

    @TempDir
    Path data;

    private final WeChatSimulator simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).build().start();
    private final FakeTicker ticker = new FakeTicker();
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private WeChatNodes nodes;

    @AfterEach
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        simulator.stop();
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void validTokensAreServed_aNeededFetchFailsNamingTheDatabase_andAllRecovers() throws Exception {
        postgres = startPostgres(0);
        int port = postgres.getPort();
        pool = SharedPostgres.pool(postgres);
        List<Exchange> delivered = Collections.synchronizedList(new ArrayList<>());
        nodes = new WeChatNodes(1, simulator, pool, "outage_", component -> {
            component.setTicker(ticker);
            component.getConfiguration().setTokenMode("classic");
            component.getConfiguration().setAppId(ACCOUNT);
            component.getConfiguration().setAppSecret(SECRET);
        });
        CamelContext context = nodes.node(0).context();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false").routeId("watch")
                        .process(exchange -> delivered.add(exchange.copy()));
            }
        });
        nodes.start();
        CategoryAuditConsumer watcher = (CategoryAuditConsumer) context.getRoute("watch").getConsumer();
        WatcherProbe.poll(watcher);
        nodes.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(1, 2));
        assertEquals(1, WatcherProbe.poll(watcher), "the addition is delivered and committed to the database");

        postgres.close();
        postgres = null;

        for (int i = 0; i < 20; i++) {
            assertInstanceOf(SettingCategories.class, list(), "the cached token needs no database");
        }
        // the token has expired, for the node and for WeChat: a fetch is needed, and it needs the database
        ticker.advance(Duration.ofHours(2));
        simulator.clock().advance(Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            Exchange failed = nodes.node(0).template().send("wechat:category?op=list", exchange -> { });
            WeChatDatabaseException failure = assertInstanceOf(WeChatDatabaseException.class,
                    failed.getException(), String.valueOf(failed.getException()));
            assertTrue(failure.getMessage().startsWith("the wechat database (HikariDataSource"), failure.getMessage());
        }
        assertEquals(1, simulator.requestCount("/cgi-bin/token"),
                "no fetch behind the other nodes' backs, and no storm: WeChat was not asked again");
        assertEquals(HealthCheck.State.DOWN, readiness(context).getState());
        assertTrue(meters.counter("wechat.database.errors").count() >= 3, "each failure is counted");
        assertTrue(meters.timer("wechat.database.lock.wait").count() >= 1, "the token row lock was taken and timed");

        postgres = startPostgres(port);
        // the pool reconnects on its own schedule (HikariCP backs off while the database was away)
        Conditions.awaitCondition(() -> readiness(context).getState() == HealthCheck.State.UP,
                Duration.ofSeconds(30), () -> "readiness back UP: " + readiness(context).getMessage());
        assertInstanceOf(SettingCategories.class, list(), "it works again");
        assertEquals(2, simulator.requestCount("/cgi-bin/token"), "one fetch for the expired token, no more");
        // meanwhile WeChat finished its audit: that is the one new message; the addition is not emitted again
        assertEquals(1, WatcherProbe.poll(watcher), "the delivered state survived the outage");
        assertEquals(List.of(CategoryChange.Type.ADDED, CategoryChange.Type.STATUS_CHANGED),
                delivered.stream().map(exchange -> exchange.getMessage().getBody(CategoryChange.class).type()).toList());
        assertEquals(0, WatcherProbe.poll(watcher), "and nothing twice");
    }

    private Object list() {
        Exchange exchange = nodes.node(0).template().send("wechat:category?op=list", ex -> { });
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        return exchange.getMessage().getBody();
    }

    private static HealthCheck.Result readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals("wechat-database")).findFirst().orElseThrow();
    }
}
