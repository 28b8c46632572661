package io.camelwechat.component.wechat.database;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.PushServers;
import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.internal.watcher.WatcherProbe;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.simulator.WeChatPushes;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What else the nodes share through the dataSource: the verify ticket, push nonces, the watchers' delivered state;
 * and the readiness check of the database.
 */
class SharedStateTest {

    private static final String ACCOUNT = "wx00000000shared01";
    private static final String SECRET = "shared-secret-0123456789abcdef012";
    private static final String COMPONENT = "wxcomponentshared1";
    private static final String COMPONENT_SECRET = "component-shared-secret-01234567";
    private static final String PUSH_TOKEN = "shared-push-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private WeChatSimulator simulator;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final String prefix = SharedPostgres.freshPrefix();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startWeChat() {
        simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).component(COMPONENT, COMPONENT_SECRET).build()
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        simulator.stop();
    }

    private WeChatNodes nodes(int count, DataSource dataSource, java.util.function.Consumer<
            io.camelwechat.component.wechat.WeChatComponent> configure) {
        WeChatNodes nodes = new WeChatNodes(count, simulator, dataSource, prefix, configure);
        started.add(nodes);
        return nodes;
    }

    /** A node with a push receiver on a free port of 127.0.0.1; answers that port. */
    private static int receivePushes(CamelContext context, String uri, List<Exchange> events) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        PushServers.addTo(context, port);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> events.add(exchange.copy()));
            }
        });
        return port;
    }

    private HttpResponse<String> post(int port, WeChatPushes.SignedPush push) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/events?"
                                                           + push.queryString()))
                .POST(HttpRequest.BodyPublishers.ofString(push.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aVerifyTicketPushedToOneNode_isUsedByAnother() throws Exception {
        String refreshToken = simulator.authorize(COMPONENT, ACCOUNT);
        WeChatNodes nodes = nodes(2, SharedPostgres.dataSource(), component -> { });
        List<Exchange> events = Collections.synchronizedList(new ArrayList<>());
        int port = receivePushes(nodes.node(0).context(), "wechat:events?token=RAW(" + PUSH_TOKEN
                                                          + ")&encodingAesKey=RAW(" + AES_KEY + ")&appId=" + COMPONENT,
                events);
        nodes.start();
        String ticket = simulator.issueVerifyTicket(COMPONENT);

        HttpResponse<String> answer = post(port, WeChatPushes.builder(PUSH_TOKEN, AES_KEY).receiveId(COMPONENT)
                .timestamp(Instant.now().getEpochSecond()).nonce("ticket-1")
                .build("<xml><AppId><![CDATA[" + COMPONENT + "]]></AppId><CreateTime>1</CreateTime><InfoType>"
                       + "<![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[" + ticket
                       + "]]></ComponentVerifyTicket></xml>"));
        // the other node knows no ticket of its own: only the database can give it the pushed one
        Object answered = nodes.node(1).template().requestBody("wechat:category?op=list&tokenMode=authorizer"
                                                               + "&componentAppId=" + COMPONENT
                                                               + "&componentAppSecret=RAW(" + COMPONENT_SECRET + ")"
                                                               + "&appId=" + ACCOUNT + "&authorizerRefreshToken=RAW("
                                                               + refreshToken + ")", (Object) null);

        assertEquals(200, answer.statusCode());
        assertInstanceOf(SettingCategories.class, answered);
        assertTrue(simulator.requests().stream().anyMatch(request -> request.path()
                .equals("/cgi-bin/component/api_component_token") && request.bodyText().contains(ticket)),
                "the component token was fetched with the ticket pushed to the other node");
    }

    @Test
    void thePushWeChatSendsToTwoNodes_becomesOneMessage_andAReplayIsRefusedByTheOtherNode() throws Exception {
        WeChatNodes nodes = nodes(2, SharedPostgres.dataSource(), component -> { });
        List<Exchange> events = Collections.synchronizedList(new ArrayList<>());
        String uri = "wechat:events?token=RAW(" + PUSH_TOKEN + ")&encodingAesKey=RAW(" + AES_KEY + ")&appId=" + ACCOUNT;
        int first = receivePushes(nodes.node(0).context(), uri, events);
        int second = receivePushes(nodes.node(1).context(), uri, events);
        nodes.start();
        WeChatPushes.SignedPush push = WeChatPushes.builder(PUSH_TOKEN, AES_KEY).receiveId(ACCOUNT)
                .timestamp(Instant.now().getEpochSecond()).nonce("nonce-shared-1")
                .build("<xml><ToUserName>gh_1</ToUserName><CreateTime>1</CreateTime><MsgType>event</MsgType>"
                       + "<Event>wxa_category_audit</Event><ret>3</ret><first>8</first><second>39</second>"
                       + "<reason></reason></xml>");

        HttpResponse<String> accepted = post(first, push);
        HttpResponse<String> replayed = post(second, push);

        assertEquals(200, accepted.statusCode());
        assertEquals(403, replayed.statusCode(), "the other node has seen the nonce in the database");
        awaitCondition(() -> events.size() == 1);
        assertEquals(1, events.size());
    }

    @Test
    void watcherState_inTheDatabase_survivesARestart_reEmitsAFailedExchange_andNeverRepeats() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean();
        List<Exchange> delivered = Collections.synchronizedList(new ArrayList<>());
        WeChatNodes first = nodes(1, SharedPostgres.dataSource(), component -> configureAccount(component));
        watch(first.node(0).context(), delivered, failNext);
        first.start();
        CategoryAuditConsumer watcher = watcherOf(first.node(0).context());
        WatcherProbe.poll(watcher); // first sight: recorded silently
        first.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(1, 2));
        failNext.set(true);

        assertEquals(0, WatcherProbe.poll(watcher), "the route failed: nothing committed");
        assertEquals(1, WatcherProbe.poll(watcher), "so it is emitted again");
        first.close();
        started.remove(first);
        WeChatNodes second = nodes(1, SharedPostgres.dataSource(), component -> configureAccount(component));
        watch(second.node(0).context(), delivered, failNext);
        second.start();

        assertEquals(0, WatcherProbe.poll(watcherOf(second.node(0).context())),
                "another node (or a restart) delivers nothing twice: the state is the database's");
        assertEquals(List.of("1/2 ADDED", "1/2 ADDED"), delivered.stream().map(exchange -> {
            CategoryChange change = exchange.getMessage().getBody(CategoryChange.class);
            return change.first() + "/" + change.second() + " " + change.type();
        }).toList(), "the failed delivery and its re-emission, nothing else");
    }

    @Test
    void aDeliveredChange_isInTheDatabase_beforeTheNextOneIsDelivered() throws Exception {
        // every state write is slow: a delivery that did not wait for the one before would find nothing stored
        DataSource slowWrites = onStateWrites(SharedPostgres.dataSource(),
                () -> java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos()));
        WeChatNodes nodes = nodes(1, slowWrites, component -> configureAccount(component));
        CamelContext context = nodes.node(0).context();
        List<String> storedWhenDelivered = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false").routeId("watch").process(exchange -> storedWhenDelivered
                        .add(String.valueOf(storedState(prefix, "watcher:watch", ACCOUNT))));
            }
        });
        nodes.start();
        CategoryAuditConsumer watcher = watcherOf(context);
        WatcherProbe.poll(watcher); // first sight: recorded silently
        nodes.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(1, 2));
        nodes.node(0).template().requestBody("wechat:category?op=add", CategoryRequest.of(1, 5));

        assertEquals(2, WatcherProbe.poll(watcher), "two changes of one account in one poll");

        assertEquals(2, storedWhenDelivered.size());
        assertEquals(0, categoriesIn(storedWhenDelivered.get(0)), "nothing recorded when the first is delivered: "
                                                                  + storedWhenDelivered.get(0));
        // so that a crash while the second is delivered would deliver only that one again
        assertEquals(1, categoriesIn(storedWhenDelivered.get(1)), "the first change is in the database when the "
                                                                  + "second is delivered: " + storedWhenDelivered.get(1));
        assertEquals(2, categoriesIn(storedState(prefix, "watcher:watch", ACCOUNT)), "both once the poll returned");
    }

    /** How many categories (keys like "1/2") a stored snapshot holds. */
    private static int categoriesIn(String snapshot) {
        return snapshot == null ? 0 : snapshot.split("\"1/", -1).length - 1;
    }

    @Test
    void tenThousandUnchangedAccounts_writeNothingToTheDatabase() throws Exception {
        int accounts = 10_000;
        List<String> appIds = IntStream.range(0, accounts).mapToObj(i -> String.format("wx%016d", i)).toList();
        appIds.forEach(appId -> simulator.addAccount(appId, "secret-" + appId));
        AtomicInteger stateWrites = new AtomicInteger();
        DataSource counting = countingStateWrites(SharedPostgres.dataSource(), stateWrites);
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public AccessToken getToken(String appId) {
                return new AccessToken(simulator.stableToken(appId), Duration.ofHours(2));
            }

            @Override
            public void invalidate(String appId, String rejectedToken) {
                // WeChat's current stable token is always the one given
            }
        };
        WeChatNodes nodes = nodes(1, counting, component -> { });
        CamelContext context = nodes.node(0).context();
        context.getRegistry().bind("tokens", tokens);
        context.getRegistry().bind("watched", (io.camelwechat.component.wechat.spi.WeChatAccountsProvider) () -> appIds);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&accessTokenProvider=#tokens&accountsProvider=#watched"
                     + "&pollConcurrency=32").routeId("watch").to("mock:changes");
            }
        });
        nodes.start();
        CategoryAuditConsumer watcher = watcherOf(context);

        assertEquals(0, WatcherProbe.poll(watcher));
        int recorded = stateWrites.get();
        assertEquals(0, WatcherProbe.poll(watcher));

        assertTrue(recorded > 0, "the first poll records every account (in batches)");
        assertEquals(accounts, storedStates(nodes.node(0).component().getTablePrefix(), "watcher:watch"),
                "every account's state is in the table when the poll returns");
        assertEquals(recorded, stateWrites.get(), "a poll of unchanged accounts writes nothing");
    }

    @Test
    void theDatabaseReadinessCheck_namesTheDataSource_neverItsPassword() throws Exception {
        org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:" + AvailablePortFinder.getNextAvailable()
                           + "/wechat?password=pg-password-that-must-not-leak");
        unreachable.setUser("wechat");
        WeChatNodes nodes = nodes(1, unreachable, component -> {
            component.setCreateTables(false); // the database is down when the node starts
            configureAccount(component);
        });
        CamelContext context = nodes.node(0).context();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        nodes.start();

        HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(check -> check.getCheck().getId().equals("wechat-database")).findFirst().orElseThrow();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String shown = result.getMessage().orElse("") + result.getDetails();
        assertTrue(shown.contains("PGSimpleDataSource"), shown);
        assertFalse(shown.contains("pg-password-that-must-not-leak"), shown);
        assertTrue(registry != null);
    }

    /** The state row of one key, read past the component; null when there is none. */
    private static String storedState(String tablePrefix, String repository, String key) throws java.sql.SQLException {
        try (java.sql.Connection connection = SharedPostgres.dataSource().getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement("SELECT state_value FROM " + tablePrefix
                                                                             + "watcher_state WHERE repository = ? AND "
                                                                             + "state_key = ?")) {
            select.setString(1, repository);
            select.setString(2, key);
            try (java.sql.ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static int storedStates(String tablePrefix, String repository) throws java.sql.SQLException {
        try (java.sql.Connection connection = SharedPostgres.dataSource().getConnection();
             java.sql.PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + tablePrefix
                                                                            + "watcher_state WHERE repository = ?")) {
            count.setString(1, repository);
            try (java.sql.ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void configureAccount(io.camelwechat.component.wechat.WeChatComponent component) {
        component.getConfiguration().setAppId(ACCOUNT);
        component.getConfiguration().setAppSecret(SECRET);
    }

    private static void watch(CamelContext context, List<Exchange> delivered, AtomicBoolean failNext)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false").routeId("watch").process(exchange -> {
                    delivered.add(exchange.copy());
                    if (failNext.getAndSet(false)) {
                        throw new IllegalStateException("downstream failed");
                    }
                });
            }
        });
    }

    private static CategoryAuditConsumer watcherOf(CamelContext context) {
        return (CategoryAuditConsumer) context.getRoute("watch").getConsumer();
    }

    /** The data source, counting the INSERTs and UPDATEs of the watcher state table. */
    private static DataSource countingStateWrites(DataSource target, AtomicInteger writes) {
        return onStateWrites(target, writes::incrementAndGet);
    }

    /** The data source, running {@code hook} as each write of watcher state is prepared (on the writing thread). */
    private static DataSource onStateWrites(DataSource target, Runnable hook) {
        return (DataSource) Proxy.newProxyInstance(SharedStateTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(SharedStateTest.class.getClassLoader(),
                                new Class<?>[] { Connection.class }, (c, m, a) -> {
                                    if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                        && sql.contains("watcher_state")
                                        && (sql.startsWith("INSERT") || sql.startsWith("UPDATE"))) {
                                        hook.run();
                                    }
                                    return m.invoke(connection, a);
                                });
                    }
                    return result;
                });
    }

    @Test
    void theCredentialsProvider_suppliesSecretsOfAccountsNoOptionNames() throws Exception {
        simulator.addAccount("wx00000000shared02", "vault-secret-0123456789abcdef012");
        Map<String, String> vault = Map.of("wx00000000shared02", "vault-secret-0123456789abcdef012");
        AtomicInteger asked = new AtomicInteger();
        WeChatNodes nodes = nodes(1, SharedPostgres.dataSource(), component -> component.setCredentialsProvider(
                appId -> {
                    asked.incrementAndGet();
                    return vault.get(appId);
                })).start();

        for (int i = 0; i < 3; i++) {
            assertInstanceOf(SettingCategories.class, nodes.node(0).template().requestBodyAndHeader(
                    "wechat:category?op=list", null, "CamelWeChatAppId", "wx00000000shared02"));
        }

        assertEquals(1, asked.get(), "asked once; the answer is kept");
    }
}
