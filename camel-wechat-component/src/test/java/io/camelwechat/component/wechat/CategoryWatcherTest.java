package io.camelwechat.component.wechat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelwechat.component.wechat.internal.watcher.CategoryAuditConsumer;
import io.camelwechat.component.wechat.internal.watcher.WatcherProbe;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.DeleteCategoryRequest;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The category audit watcher against the simulator; audits move with the simulator's clock, polls by hand. */
class CategoryWatcherTest extends WeChatTestSupport {

    private static final String LICENCE = "《因私出入境中介机构经营许可证》";
    private static final Duration AUDIT = Duration.ofMinutes(11);

    private final List<Exchange> delivered = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path folder;

    private void watch(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&" + options).routeId("watch")
                        .process(exchange -> delivered.add(exchange.copy()));
            }
        });
    }

    private int poll() throws Exception {
        return WatcherProbe.poll((CategoryAuditConsumer) context.getRoute("watch").getConsumer());
    }

    private List<String> changes() {
        return delivered.stream().map(exchange -> exchange.getMessage().getBody(CategoryChange.class))
                .map(change -> change.appId() + " " + change.first() + "/" + change.second() + " " + change.type() + " "
                               + change.previousStatus() + "->" + change.status()).toList();
    }

    private void addLicensed(int first, int second) {
        simulator.registerMedia(APP_ID, "media-1");
        template.requestBody("wechat:category?op=add", CategoryRequest.of(first, second, Certificate.of(LICENCE, "media-1")));
    }

    @Test
    void added_thenApprovedExactlyOnce() throws Exception {
        watch("appId=" + APP_ID);
        assertEquals(0, poll(), "the first poll records the account silently");

        addLicensed(8, 39);
        assertEquals(1, poll());
        assertEquals(0, poll(), "nothing new");
        simulator.clock().advance(AUDIT);
        assertEquals(1, poll());
        assertEquals(0, poll());

        assertEquals(List.of(APP_ID + " 8/39 ADDED null->1", APP_ID + " 8/39 STATUS_CHANGED 1->3"), changes());
        Exchange approved = delivered.get(1);
        assertEquals(3, approved.getMessage().getHeader(WeChatConstants.AUDIT_STATUS));
        assertEquals(1, approved.getMessage().getHeader(WeChatConstants.PREVIOUS_AUDIT_STATUS));
        assertEquals("STATUS_CHANGED", approved.getMessage().getHeader(WeChatConstants.CHANGE_TYPE));
        assertEquals(APP_ID, approved.getMessage().getHeader(WeChatConstants.APP_ID));
        assertEquals(8, approved.getMessage().getHeader(WeChatConstants.CATEGORY_FIRST));
        assertEquals(39, approved.getMessage().getHeader(WeChatConstants.CATEGORY_SECOND));
    }

    @Test
    void rejectedWithItsReason_thenModified_underReview_thenApproved() throws Exception {
        watch("appId=" + APP_ID);
        poll();
        simulator.setAuditOutcome(APP_ID, 8, 39, "资质不清晰");
        addLicensed(8, 39);
        poll();
        simulator.clock().advance(AUDIT);
        poll();
        Exchange rejected = delivered.get(1);
        assertEquals("资质不清晰", rejected.getMessage().getHeader(WeChatConstants.AUDIT_REASON));

        simulator.setAuditOutcome(APP_ID, 8, 39, null);
        template.requestBody("wechat:category?op=modify", CategoryRequest.of(8, 39, Certificate.of(LICENCE, "media-1")));
        poll();
        simulator.clock().advance(AUDIT);
        poll();

        assertEquals(List.of(APP_ID + " 8/39 ADDED null->1", APP_ID + " 8/39 STATUS_CHANGED 1->2",
                APP_ID + " 8/39 STATUS_CHANGED 2->1", APP_ID + " 8/39 STATUS_CHANGED 1->3"), changes());
        Exchange backUnderReview = delivered.get(2);
        assertEquals("资质不清晰", backUnderReview.getMessage().getHeader(WeChatConstants.PREVIOUS_AUDIT_REASON),
                "going back under review, the change still says why it was rejected");
        assertEquals("资质不清晰",
                backUnderReview.getMessage().getBody(io.camelwechat.component.wechat.model.CategoryChange.class)
                        .previousReason());
        assertEquals("", backUnderReview.getMessage().getHeader(WeChatConstants.AUDIT_REASON));
    }

    @Test
    void removal() throws Exception {
        addLicensed(8, 39);
        simulator.clock().advance(AUDIT);
        watch("appId=" + APP_ID + "&emitInitialState=true");
        assertEquals(1, poll(), "emitInitialState: an account seen for the first time emits its categories");

        template.requestBody("wechat:category?op=delete", new DeleteCategoryRequest(8, 39));
        assertEquals(1, poll());

        assertEquals(List.of(APP_ID + " 8/39 ADDED null->3", APP_ID + " 8/39 REMOVED 3->null"), changes());
        assertNull(delivered.get(1).getMessage().getHeader(WeChatConstants.AUDIT_STATUS));
    }

    @Test
    void aFailedExchangeIsEmittedAgainAtTheNextPoll() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&appId=" + APP_ID).routeId("watch")
                        .process(exchange -> {
                            if (failOnce.getAndSet(false)) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                            delivered.add(exchange.copy());
                        });
            }
        });
        poll();
        addLicensed(8, 39);

        assertEquals(0, poll(), "the failed exchange is not counted and not committed");
        assertEquals(1, poll(), "it comes again");
        assertEquals(0, poll());
        assertEquals(List.of(APP_ID + " 8/39 ADDED null->1"), changes());
    }

    @Test
    void fiftyAccountsAtConcurrencyEight_oneFailingAccountIsIsolated() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String appId = String.format("wx%016d", i);
            simulator.addAccount(appId, "secret-" + i);
            accounts.add(appId);
        }
        String broken = "wxbrokenaccount0001"; // not an account WeChat knows: its token is refused
        ConcurrencyTrackingTokens tokens = new ConcurrencyTrackingTokens(broken);
        context.getRegistry().bind("tokens", tokens);
        watch("pollConcurrency=8&accessTokenProvider=#tokens&appIds=" + String.join(",", accounts) + "," + broken);

        assertEquals(0, poll());
        int brokenCalls = tokens.calls(broken);
        for (String appId : accounts) {
            template.requestBodyAndHeader("wechat:category?op=add&accessTokenProvider=#tokens", CategoryRequest.of(1, 2),
                    WeChatConstants.APP_ID, appId);
        }
        simulator.clearRequests();
        tokens.gate = new java.util.concurrent.CountDownLatch(8);

        assertEquals(50, poll(), "every healthy account emitted its change");
        assertEquals(brokenCalls, tokens.calls(broken), "the failing account sat this poll out");

        assertEquals(50, delivered.stream().map(e -> e.getMessage().getHeader(WeChatConstants.APP_ID)).distinct().count());
        assertTrue(tokens.maxConcurrent.get() <= 8, "at most pollConcurrency fetches at once: " + tokens.maxConcurrent);
        assertEquals(8, tokens.maxConcurrent.get(), "pollConcurrency fetches did run at once");
        CategoryAuditConsumer consumer = (CategoryAuditConsumer) context.getRoute("watch").getConsumer();
        assertEquals(List.of(broken), List.copyOf(consumer.failingAccounts().keySet()));
        poll();
        assertTrue(tokens.calls(broken) > brokenCalls, "after its backoff it is tried again");
    }

    @Test
    void accountsProvider_isAskedBeforeEveryPoll() throws Exception {
        String second = "wx0000000000test02";
        simulator.addAccount(second, "second-secret");
        List<String> watched = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(APP_ID));
        context.getRegistry().bind("accounts", (io.camelwechat.component.wechat.spi.WeChatAccountsProvider) () -> watched);
        context.getRegistry().bind("tokens", new ConcurrencyTrackingTokens("none"));
        watch("accessTokenProvider=#tokens&emitInitialState=true&accountsProvider=#accounts");
        template.requestBodyAndHeader("wechat:category?op=add&accessTokenProvider=#tokens", CategoryRequest.of(1, 2),
                WeChatConstants.APP_ID, second);

        assertEquals(0, poll());
        watched.add(second); // a new authorizer arrives
        assertEquals(1, poll());

        assertEquals(List.of(second + " 1/2 ADDED null->1"), changes());
    }

    @Test
    void defaultDelayIsAMinute_andTheStandardSchedulerOptionsApply() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&appId=" + APP_ID).routeId("default").to("mock:default");
                from("wechat:category?startScheduler=false&appId=" + APP_ID + "&delay=5m&initialDelay=0"
                     + "&backoffMultiplier=3&backoffErrorThreshold=2").routeId("tuned").to("mock:tuned");
            }
        });

        CategoryAuditConsumer byDefault = (CategoryAuditConsumer) context.getRoute("default").getConsumer();
        CategoryAuditConsumer tuned = (CategoryAuditConsumer) context.getRoute("tuned").getConsumer();
        assertEquals(60_000, byDefault.getDelay());
        assertEquals(300_000, tuned.getDelay());
        assertEquals(0, tuned.getInitialDelay());
        assertEquals(3, tuned.getBackoffMultiplier());
        assertEquals(2, tuned.getBackoffErrorThreshold());
    }

    @Test
    void restartAfterAFailedExchange_theChangeComesOnceAfterTheRestart() throws Exception {
        Path stateFile = folder.resolve("watcher-state.dat");
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&appId=" + APP_ID + "&stateRepository=#state")
                        .routeId("watch").process(exchange -> {
                            throw new IllegalStateException("downstream unavailable until the restart");
                        });
            }
        });
        poll();
        addLicensed(8, 39);
        assertEquals(0, poll(), "delivery failed");
        context.stop();

        List<String> afterRestart = new ArrayList<>();
        try (CamelContext restarted = restartedWatcher(stateFile, change -> afterRestart.add(
                change.type().name()))) {
            CategoryAuditConsumer consumer = (CategoryAuditConsumer) restarted.getRoute("watch").getConsumer();
            assertEquals(1, WatcherProbe.poll(consumer));
            assertEquals(0, WatcherProbe.poll(consumer));
        }
        assertEquals(List.of("ADDED"), afterRestart);
    }

    @Test
    void stoppingMidDelivery_loosesNothing_andTheRestComesAfterTheRestart() throws Exception {
        String second = "wx0000000000test02";
        simulator.addAccount(second, "second-secret");
        context.getRegistry().bind("tokens", new ConcurrencyTrackingTokens("none"));
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(folder.resolve("s.dat").toFile()));
        java.util.concurrent.CountDownLatch firstDelivery = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&accessTokenProvider=#tokens&stateRepository=#state&appIds="
                     + APP_ID + "," + second).routeId("watch").process(exchange -> {
                         delivered.add(exchange.copy());
                         firstDelivery.countDown();
                         stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
                     });
            }
        });
        poll();
        for (String appId : List.of(APP_ID, second)) {
            template.requestBodyAndHeader("wechat:category?op=add&accessTokenProvider=#tokens",
                    CategoryRequest.of(1, 2), WeChatConstants.APP_ID, appId);
        }
        CategoryAuditConsumer consumer = (CategoryAuditConsumer) context.getRoute("watch").getConsumer();
        stopRouteDuringFirstDelivery(consumer, firstDelivery, stopped);
        assertEquals(1, delivered.size(), "the stop came during the first account's delivery");

        context.getRouteController().startRoute("watch");
        poll();

        List<String> accounts = delivered.stream()
                .map(exchange -> exchange.getMessage().getHeader(WeChatConstants.APP_ID, String.class)).toList();
        assertEquals(1, java.util.Collections.frequency(accounts, second), "the second account's change was not lost");
        assertTrue(java.util.Collections.frequency(accounts, APP_ID) <= 2,
                "only the change in flight at the stop may come twice: " + accounts);
    }

    /** Polls on another thread, stops the route once the first delivery is in its processor, then lets it end. */
    private void stopRouteDuringFirstDelivery(CategoryAuditConsumer consumer,
                                              java.util.concurrent.CountDownLatch firstDelivery,
                                              java.util.concurrent.CountDownLatch stopped) throws Exception {
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> polling = background.submit(() -> WatcherProbe.poll(consumer));
            assertTrue(firstDelivery.await(10, java.util.concurrent.TimeUnit.SECONDS));
            java.util.concurrent.Future<?> stopper = background.submit(() -> {
                context.getRouteController().stopRoute("watch", 1, java.util.concurrent.TimeUnit.SECONDS);
                return null;
            });
            awaitCondition(() -> !consumer.isRunAllowed());
            stopped.countDown();
            // get() rethrows what failed on those threads and bounds the wait
            polling.get(10, java.util.concurrent.TimeUnit.SECONDS);
            stopper.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void stoppingMidPoll_cancelsTheFetchesStillQueued() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String appId = String.format("wx00000000queued%02d", i);
            simulator.addAccount(appId, "secret-" + i);
            accounts.add(appId);
        }
        context.getRegistry().bind("tokens", new ConcurrencyTrackingTokens("none"));
        java.util.concurrent.CountDownLatch firstDelivery = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&emitInitialState=true&pollConcurrency=1"
                     + "&accessTokenProvider=#tokens&appIds=" + String.join(",", accounts)).routeId("watch")
                        .process(exchange -> {
                            firstDelivery.countDown();
                            stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        });
            }
        });
        for (String appId : accounts) {
            template.requestBodyAndHeader("wechat:category?op=add&accessTokenProvider=#tokens",
                    CategoryRequest.of(1, 2), WeChatConstants.APP_ID, appId);
        }
        simulator.clearRequests();
        simulator.faults().latency(Duration.ofMillis(200)); // one fetch at a time: 4 s for all twenty

        stopRouteDuringFirstDelivery((CategoryAuditConsumer) context.getRoute("watch").getConsumer(), firstDelivery,
                stopped);
        // the stopped pool's threads end once nothing is left: at once if the queued fetches were cancelled, after
        // running all of them (about 4 s) if not
        awaitCondition(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().contains("WeChatCategoryWatcher")), Duration.ofSeconds(15),
                () -> "the watcher's fetch threads ended");
        int fetched = simulator.requestCount("/cgi-bin/wxopen/getcategory");
        simulator.faults().clear();

        assertTrue(fetched < accounts.size(), "the fetches queued behind the stop were cancelled: " + fetched
                                              + " of " + accounts.size() + " accounts fetched");
    }

    @Test
    void theDefaultInMemoryState_survivesARouteRestart() throws Exception {
        watch("appId=" + APP_ID);
        poll();
        context.getRouteController().stopRoute("watch");
        addLicensed(8, 39);
        context.getRouteController().startRoute("watch");

        assertEquals(1, poll(), "the category added while the route was stopped is a change, not a first sight");
    }

    @Test
    void storedStateIsAsciiOnly_soAnyPlatformCharsetKeepsChineseReasons() throws Exception {
        context.getRegistry().bind("state", new org.apache.camel.support.processor.state.MemoryStateRepository());
        watch("appId=" + APP_ID + "&stateRepository=#state");
        poll();
        simulator.setAuditOutcome(APP_ID, 8, 39, "资质不清晰");
        addLicensed(8, 39);
        simulator.clock().advance(AUDIT);
        poll();

        String stored = ((org.apache.camel.spi.StateRepository<String, String>) context.getRegistry()
                .lookupByName("state")).getState(APP_ID);
        assertTrue(stored.chars().allMatch(c -> c < 128), stored);
        assertTrue(io.camelwechat.component.wechat.internal.watcher.CategorySnapshot.fromJson(stored).toString()
                .contains("资质不清晰"));
    }

    @Test
    void everyAccountFailing_failsThePoll_soCamelsErrorHandlingSeesIt() throws Exception {
        context.getRegistry().bind("tokens", new ConcurrencyTrackingTokens("wxbrokenaccount0001"));
        watch("accessTokenProvider=#tokens&appIds=wxbrokenaccount0001");

        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, this::poll);
        assertTrue(failure.getMessage().contains("40001"), failure.getMessage());
        Exception whileBackingOff = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, this::poll);
        assertTrue(whileBackingOff.getMessage().contains("failing"), whileBackingOff.getMessage());
    }

    @Test
    void readinessReportsTheFailingAccounts() throws Exception {
        ConcurrencyTrackingTokens tokens = new ConcurrencyTrackingTokens("wxbrokenaccount0001");
        context.getRegistry().bind("tokens", tokens);
        watch("accessTokenProvider=#tokens&appIds=" + APP_ID + ",wxbrokenaccount0001");
        poll();

        // the default exposure level reports DOWN checks only; this test reads an UP check's details
        org.apache.camel.health.HealthCheckRegistry.get(context).setExposureLevel("full");
        java.util.Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        HealthCheck.Result readiness = results.stream()
                .filter(result -> result.getCheck().getId().equals("wechat-watcher:watch")).findFirst()
                .orElseThrow(() -> new AssertionError(results.stream().map(r -> r.getCheck().getId()).toList()));

        assertEquals(HealthCheck.State.UP, readiness.getState(), "one failing account of two: still ready");
        assertEquals("wxbrokenaccount0001", readiness.getDetails().get("failing.accounts"));
        assertTrue(readiness.getMessage().orElse("").contains("1 account(s) failing"));
    }

    @Test
    void restartWithFileState_nothingLostNothingDuplicated() throws Exception {
        Path stateFile = folder.resolve("watcher-state.dat");
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
        watch("appId=" + APP_ID + "&stateRepository=#state");
        poll();
        addLicensed(8, 39);
        poll();
        context.stop();

        // while it is down: the audit ends
        simulator.clock().advance(AUDIT);

        List<String> afterRestart = new ArrayList<>();
        try (CamelContext restarted = restartedWatcher(stateFile, change -> afterRestart.add(
                change.type() + " "
                                    + change.status()))) {
            CategoryAuditConsumer consumer = (CategoryAuditConsumer) restarted.getRoute("watch").getConsumer();
            WatcherProbe.poll(consumer);
            WatcherProbe.poll(consumer);
        }

        assertEquals(List.of(APP_ID + " 8/39 ADDED null->1"), changes(), "before the restart");
        assertEquals(List.of("STATUS_CHANGED 3"), afterRestart, "after it: the missed transition, once");
    }

    /** A second "node" after a restart: a new context watching the account with the state in {@code stateFile}. */
    private CamelContext restartedWatcher(Path stateFile, java.util.function.Consumer<CategoryChange> delivered)
            throws Exception {
        CamelContext restarted = new DefaultCamelContext();
        restarted.addComponent("wechat", newComponent());
        restarted.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
        restarted.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?startScheduler=false&appId=" + APP_ID + "&stateRepository=#state")
                        .routeId("watch")
                        .process(exchange -> delivered.accept(exchange.getMessage().getBody(CategoryChange.class)));
            }
        });
        restarted.start();
        return restarted;
    }

    /** Tokens from the simulator, refused for one account; counts calls and the most running at once. */
    private final class ConcurrencyTrackingTokens implements AccessTokenProvider {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
        /** When set, holds each caller until that many are inside at once (bounded): proves they run together. */
        volatile java.util.concurrent.CountDownLatch gate;
        private final String broken;

        ConcurrencyTrackingTokens(String broken) {
            this.broken = broken;
        }

        @Override
        public AccessToken getToken(String appId) {
            int now = running.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                java.util.concurrent.CountDownLatch together = gate;
                if (together != null) {
                    together.countDown();
                    together.await(5, java.util.concurrent.TimeUnit.SECONDS);
                }
                calls.computeIfAbsent(appId, key -> new AtomicInteger()).incrementAndGet();
                String token = appId.equals(broken) ? "refused-token-0000" : simulator.stableToken(appId);
                return new AccessToken(token, Duration.ofHours(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void invalidate(String appId, String rejectedToken) {
        }

        int calls(String appId) {
            return calls.getOrDefault(appId, new AtomicInteger()).get();
        }
    }
}
