package io.camelwechat.component.wechat.database;

import java.time.Duration;
import java.util.List;

import io.camelwechat.component.wechat.Race;
import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Three nodes (CamelContexts, each with its own component and caches) on one PostgreSQL and one WeChat: with the
 * dataSource option, a token is fetched once for all of them, per expiry or rejection.
 */
class ClusterTokenTest {

    private static final String ACCOUNT = "wx00000000cluster1";
    private static final String SECRET = "cluster-secret-0123456789abcdef01";
    private static final String COMPONENT = "wxcomponentcluster";
    private static final String COMPONENT_SECRET = "component-cluster-secret-0123456";
    private static final String SHOP = "wxauthorizercluster";
    private static final int NODES = 3;
    private static final int CALLERS_PER_NODE = 64;

    private WeChatSimulator simulator;
    private WeChatNodes nodes;

    @BeforeEach
    void startWeChat() {
        simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).component(COMPONENT, COMPONENT_SECRET)
                .threads(64).build().start();
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
        simulator.stop();
    }

    private WeChatNodes classicNodes() {
        return new WeChatNodes(NODES, simulator, SharedPostgres.dataSource(), SharedPostgres.freshPrefix(), component -> {
            component.getConfiguration().setTokenMode("classic");
            component.getConfiguration().setAppId(ACCOUNT);
            component.getConfiguration().setAppSecret(SECRET);
        }).start();
    }

    /** Every caller of every node calls at once; the answers, failed exchanges included. */
    private List<Exchange> raceAllNodes(String uri) throws Exception {
        return Race.run(NODES * CALLERS_PER_NODE, caller -> () -> nodes.node(caller % NODES).template()
                .send(uri, exchange -> { }));
    }

    private static void assertAllSucceeded(List<Exchange> exchanges) {
        for (Exchange exchange : exchanges) {
            assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
            assertInstanceOf(SettingCategories.class, exchange.getMessage().getBody());
        }
    }

    @Test
    void classicColdStart_threeNodesTimes64RacingCallers_makeExactlyOneTokenFetch() throws Exception {
        nodes = classicNodes();

        List<Exchange> answers = raceAllNodes("wechat:category?op=list");

        assertAllSucceeded(answers);
        assertEquals(1, simulator.requestCount("/cgi-bin/token"), "one classic fetch for 3 nodes x 64 callers");
        assertEquals(NODES * CALLERS_PER_NODE, simulator.requestCount("/cgi-bin/wxopen/getcategory"));
    }

    @Test
    void aRejectedToken_isRefetchedExactlyOnceClusterWide() throws Exception {
        nodes = classicNodes();
        assertAllSucceeded(raceAllNodes("wechat:category?op=list")); // every node holds the token now
        simulator.clock().advance(Duration.ofSeconds(7_201)); // WeChat: that token expired (42001)

        List<Exchange> answers = raceAllNodes("wechat:category?op=list");

        assertAllSucceeded(answers);
        assertEquals(2, simulator.requestCount("/cgi-bin/token"),
                "the first fetch and one refetch for every node's rejections together");
    }

    @Test
    void authorizerColdStart_threeNodesTimes64RacingCallers_makeOneComponentAndOneAuthorizerFetch()
            throws Exception {
        String ticket = simulator.issueVerifyTicket(COMPONENT);
        String refreshToken = simulator.authorize(COMPONENT, SHOP);
        nodes = new WeChatNodes(NODES, simulator, SharedPostgres.dataSource(), SharedPostgres.freshPrefix(),
                component -> {
                    component.getConfiguration().setTokenMode("authorizer");
                    component.getConfiguration().setComponentAppId(COMPONENT);
                    component.getConfiguration().setComponentAppSecret(COMPONENT_SECRET);
                    component.getConfiguration().setComponentVerifyTicket(ticket);
                    component.getConfiguration().setAppId(SHOP);
                    component.getConfiguration().setAuthorizerRefreshToken(refreshToken);
                }).start();

        List<Exchange> answers = raceAllNodes("wechat:category?op=list");

        assertAllSucceeded(answers);
        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_component_token"));
        assertEquals(1, simulator.requestCount("/cgi-bin/component/api_authorizer_token"));
    }

    @Test
    void aRotatedRefreshToken_isNeverLost_underConcurrentFetchesFromTwoNodes() throws Exception {
        simulator.faults().rotateAuthorizerRefreshTokens(true);
        String ticket = simulator.issueVerifyTicket(COMPONENT);
        String refreshToken = simulator.authorize(COMPONENT, SHOP);
        nodes = new WeChatNodes(2, simulator, SharedPostgres.dataSource(), SharedPostgres.freshPrefix(),
                component -> {
                    component.getConfiguration().setTokenMode("authorizer");
                    component.getConfiguration().setComponentAppId(COMPONENT);
                    component.getConfiguration().setComponentAppSecret(COMPONENT_SECRET);
                    component.getConfiguration().setComponentVerifyTicket(ticket);
                    component.getConfiguration().setAppId(SHOP);
                    component.getConfiguration().setAuthorizerRefreshToken(refreshToken);
                }).start();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        for (int round = 0; round < 5; round++) {
            // the authorizer token expires at WeChat: both nodes are rejected and refetch at once; each refetch
            // rotates the refresh token, and the old one ends 5 minutes later (the clock moves 2 hours)
            simulator.clock().advance(Duration.ofSeconds(7_201));
            List<Exchange> answers = Race.run(2 * 16, caller -> () -> nodes.node(caller % 2).template()
                    .send("wechat:category?op=list", exchange -> { }));
            answers.stream().filter(exchange -> exchange.getException() != null)
                    .forEach(exchange -> failures.add(exchange.getException().toString()));
        }

        assertEquals(List.of(), failures, "no call failed: no node ever used a refresh token that had ended");
        // a fetch whose component token had expired too is sent again with the same refresh token: count those once
        long spentRefreshTokens = simulator.requests().stream()
                .filter(request -> request.path().equals("/cgi-bin/component/api_authorizer_token"))
                .map(request -> request.bodyText().replaceAll(".*\"authorizer_refresh_token\":\"([^\"]+)\".*", "$1"))
                .distinct().count();
        assertEquals(5, spentRefreshTokens, "one authorizer token fetch per expiry for both nodes");
        String current = simulator.currentAuthorizerRefreshToken(COMPONENT, SHOP);
        String stored = new io.camelwechat.component.wechat.jdbc.JdbcAuthorizerTokenStore(
                new io.camelwechat.component.wechat.jdbc.WeChatDatabase(SharedPostgres.dataSource(),
                        nodes.node(0).component().getTablePrefix()), java.time.Clock.systemUTC())
                .loadRefreshToken(COMPONENT, SHOP).orElseThrow();
        assertEquals(current, stored, "the database holds WeChat's newest refresh token");
    }

    @Test
    void appSecretsOfManyAccounts_letMessagesActForEach_andAnUnknownOneFailsNamingTheOptions() throws Exception {
        simulator.addAccount("wx00000000cluster2", "second-secret-0123456789abcdef0");
        nodes = new WeChatNodes(2, simulator, SharedPostgres.dataSource(), SharedPostgres.freshPrefix(),
                component -> component.getAppSecrets().putAll(java.util.Map.of(ACCOUNT, SECRET,
                        "wx00000000cluster2", "second-secret-0123456789abcdef0"))).start();

        for (String account : List.of(ACCOUNT, "wx00000000cluster2")) {
            for (WeChatNodes.Node node : nodes.all()) {
                assertInstanceOf(SettingCategories.class, node.template().requestBodyAndHeader(
                        "wechat:category?op=list", null, WeChatConstants.APP_ID, account));
            }
        }
        Exchange unknown = nodes.node(0).template().send("wechat:category?op=list",
                exchange -> exchange.getMessage().setHeader(WeChatConstants.APP_ID, "wx00000000unknown"));

        assertEquals(2, simulator.requestCount("/cgi-bin/stable_token"), "one token per account for both nodes");
        IllegalArgumentException failure = assertInstanceOf(IllegalArgumentException.class, unknown.getException());
        assertEquals("CamelWeChatAppId names appId wx00000000unknown, which has no appSecret configured: give it "
                     + "with appSecrets (camel.component.wechat.app-secrets[wx00000000unknown]) or a "
                     + "credentialsProvider bean, or appId and appSecret on an endpoint", failure.getMessage());
    }
}
