package io.camelwechat.benchmarks.load;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every load scenario once with tiny sizes (1 s rounds, 100 accounts, 20 pushes): the harness works end to end
 * and its figures are sane. It checks the exact targets that do not depend on the machine's speed (token
 * requests); speed targets are only checked for being finite, since this runs on shared build machines.
 */
class LoadHarnessSmokeTest {

    private static final List<String> CLIENTS = List.of("bare", "component", "wxjava");

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyScenario_runsWithTinySizes_andReportsSaneFigures() throws Exception {
        LoadSettings settings = LoadSettings.smoke();
        LoadHarness.Report report = LoadHarness.run(settings, LoadSettings.SCENARIOS);

        assertTrue(Files.readString(settings.report()).contains("## Targets (issue 7)"));
        System.out.printf("load harness smoke run: %.1f s%n", report.seconds());

        Section steady = report.section("steady");
        for (String client : CLIENTS) {
            assertPositiveFinite(steady.figure(client + ".throughput"), "steady throughput of " + client);
            assertPositiveFinite(steady.figure(client + ".p50"), "steady p50 of " + client);
            assertPositiveFinite(steady.figure(client + ".p99"), "steady p99 of " + client);
            assertEquals(0, steady.figure(client + ".errors"), "steady errors of " + client);
        }
        assertEquals(1, steady.figure("component.warmupTokenRequests"), "the component fetches one token");
        assertEquals(0, steady.figure("component.tokenRequests"), "and none once warm");
        assertPositiveFinite(steady.figure("componentVsBare"), "component / bare");

        Section churn = report.section("churn");
        for (String client : CLIENTS) {
            assertPositiveFinite(churn.figure(client + ".p99"), "churn p99 of " + client);
            assertTrue(churn.figure(client + ".forcedRefreshes") >= 1, "another node forced a refresh during "
                                                                        + client + "'s rounds");
        }
        assertEquals(0, churn.figure("refusedForcedRefreshes"), "the simulator accepted every forced refresh");
        // a call can still fail when a second forced refresh ends the token it just refetched (every 0.5 s here)
        assertTrue(churn.figure("component.errors") <= churn.figure("component.calls") / 100,
                "the component recovers from 40001 and -1: " + churn.figure("component.errors") + " errors in "
                + churn.figure("component.calls") + " calls");
        assertTrue(churn.figure("component.tokenRequests") >= 1, "the component refetched after forced refreshes");
        assertPositiveFinite(churn.figure("p99ComponentVsWxJava"), "churn p99 ratio");
        assertEquals(settings.churnRate() * settings.churnRoundSeconds() * settings.churnRounds(),
                churn.figure("component.calls"), "churn calls are scheduled at churnRate");

        Section cold = report.section("coldstart");
        assertEquals(1, cold.figure("component.minTokenRequests"), "cold start: exactly 1 token request");
        assertEquals(1, cold.figure("component.maxTokenRequests"), "cold start: exactly 1 token request");
        assertEquals(0, cold.figure("component.errors"));
        assertTrue(cold.figure("bare.minTokenRequests") >= 1);
        assertTrue(cold.figure("wxjava.minTokenRequests") >= 1);

        Section stampede = report.section("stampede");
        assertEquals(1, stampede.figure("cacheExpiry.tokenRequests"), "1,000 callers on an expired token: 1 fetch");
        assertEquals(1, stampede.figure("weChatExpiry.tokenRequests"), "1,000 callers rejected with 42001: 1 fetch");
        assertEquals(0, stampede.figure("cacheExpiry.errors"));
        assertEquals(0, stampede.figure("weChatExpiry.errors"));
        assertPositiveFinite(stampede.figure("cacheExpiry.p99"), "stampede p99");

        Section watcher = report.section("watcher");
        double accounts = settings.accounts();
        assertEquals(accounts, watcher.figure("poll1.requests"), "the first poll fetched every account");
        assertEquals(accounts, watcher.figure("poll2.requests"));
        assertEquals(0, watcher.figure("poll1.failing"));
        assertEquals(accounts, watcher.figure("storedStates"), "the state of every account is recorded");
        assertEquals(accounts, watcher.figure("poll4.emitted"), "one exchange per approved category");
        assertPositiveFinite(watcher.figure("poll2.seconds"), "cycle time");
        assertTrue(Double.isFinite(watcher.figure("heapBytesPerCategory")), "heap per category");

        Section push = report.section("push");
        assertEquals(settings.pushes(), push.figure("measured"));
        assertEquals(0, push.figure("lost"), "every push became an exchange");
        assertPositiveFinite(push.figure("p99"), "push p99");
        assertEquals(settings.receiverPushes(), push.figure("receiverSamples"), "receiver alone: every push measured");
        assertEquals(settings.receiverPushes(), push.figure("floorSamples"), "and a floor request after each");
        assertPositiveFinite(push.figure("p99VsFloor"), "receiver p99 / floor p99");
        assertPositiveFinite(push.figure("receiverCpuP50Micros"), "the receiver's stages were timed");

        Section soak = report.section("soak");
        assertEquals(settings.soakCalls(), soak.figure("calls"), "every soak call was made");
        assertEquals(soak.figure("writes") + soak.figure("writeTokenRetries"), soak.figure("writeRequests"),
                "a busy write is never sent twice; a write rejected for its token is sent once more");
        assertEquals(0, soak.figure("readFailuresOther"), "reads fail only after their busy retries");
        assertTrue(soak.figure("expiries") >= 1, "tokens expired during the soak");
        assertTrue(soak.figure("readerTokenFetches") <= soak.figure("expiries")
                   && soak.figure("writerTokenFetches") <= soak.figure("expiries"),
                "at most one token fetch per expiry: " + soak.figure("readerTokenFetches") + " and "
                + soak.figure("writerTokenFetches") + " for " + soak.figure("expiries"));

        assertSharedStateOnADatabase(report, settings);
    }

    private static void assertSharedStateOnADatabase(LoadHarness.Report report, LoadSettings settings) {
        Section cluster = report.section("clustercold");
        assertEquals(1, cluster.figure("minTokenRequests"), "3 nodes x 64 callers on a cold cluster: 1 fetch");
        assertEquals(1, cluster.figure("maxTokenRequests"), "3 nodes x 64 callers on a cold cluster: 1 fetch");
        assertEquals(0, cluster.figure("errors"));
        assertEquals(0, cluster.figure("cachedStatements"), "a cached token does not touch the database");
        assertPositiveFinite(cluster.figure("cold.p99"), "cluster cold p99");

        Section side = report.section("watcherdb");
        double accounts = settings.databaseAccounts();
        for (String poll : List.of("poll1", "poll2", "poll3", "changes")) {
            assertPositiveFinite(side.figure(poll + ".ratio"), "database / memory, " + poll);
            assertEquals(2 * accounts, side.figure(poll + ".requests"), "both watchers fetched every account");
        }
        assertTrue(side.figure("poll1.databaseWrites") > 0, "the first poll wrote (batches of rows)");
        assertEquals(accounts, side.figure("storedStates"), "every account's state is in the table after poll 1");
        assertEquals(0, side.figure("poll2.databaseWrites"), "no change, no write");
        assertEquals(0, side.figure("poll3.databaseWrites"), "no change, no write");
        assertTrue(side.figure("changes.databaseWrites") > 0, "delivered changes are written");
        assertEquals(accounts, side.figure("changes.memoryEmitted"));
        assertEquals(accounts, side.figure("changes.databaseEmitted"));

        Section scale = report.section("watcherscale");
        assertEquals(settings.scaleAccounts(), scale.figure("poll2.requests"));
        assertEquals(0, scale.figure("poll1.failing"));
        assertTrue(scale.figure("poll1.writes") > 0, "the first poll wrote");
        assertEquals(settings.scaleAccounts(), scale.figure("storedStates"), "every state stored by the first poll");
        assertEquals(0, scale.figure("noChangeWrites"), "no database write in cycles without changes");
        assertTrue(Double.isFinite(scale.figure("heapBytesPerAccount")), "heap per account");
        assertPositiveFinite(scale.figure("accountsAtDelayMeasured"), "accounts at a 5-minute delay");
    }

    private static void assertPositiveFinite(double value, String what) {
        assertTrue(Double.isFinite(value) && value > 0, what + " should be positive and finite, was " + value);
    }
}
