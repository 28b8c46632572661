package io.camelwechat.component.wechat.internal.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;

import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.support.WorkerPools;
import io.camelwechat.component.wechat.internal.token.AppCredentials;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.jdbc.JdbcPushNonces;
import io.camelwechat.component.wechat.jdbc.JdbcStateRepository;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.InMemoryVerifyTicketStore;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.StateRepository;

/**
 * Everything the endpoints of one component share while it runs: the one HTTP client, the token caches, the
 * background-refresh pool, the quota circuits, the metrics, the readiness check, and the push hints between push
 * receivers and category watchers. The component creates one engine, starts it in its own start and stops it in
 * its stop; producers and consumers open {@link AccountCalls} from it. Thread-safe.
 */
public final class WeChatEngine {

    /** Verify tickets pushed to a receiver that names no store; kept across restarts of the component. */
    private final VerifyTicketStore defaultVerifyTicketStore = new InMemoryVerifyTicketStore();
    private final PushHints pushHints = new PushHints();
    private final Set<EngineAccountCalls> openCalls = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicBoolean> leadership = new ConcurrentHashMap<>();
    private final Set<Supplier<WeChatStatus.Watcher>> watchers = ConcurrentHashMap.newKeySet();
    private final Set<Supplier<WeChatStatus.Receiver>> receivers = ConcurrentHashMap.newKeySet();

    private volatile Running running;

    /** What exists between start and stop. */
    private record Running(CamelContext context, WeChatHttpClient client, ExecutorService refreshPool,
            TokenProviders tokens, WeChatMetrics metrics, SharedState shared, List<HealthCheck> healthChecks) {
    }

    /**
     * Builds the HTTP client, pools and caches, so that bad transport options fail the component's start, not the
     * first message.
     */
    public synchronized void start(EngineSettings settings, CamelContext context) {
        if (running != null) {
            return;
        }
        SharedState shared = sharedState(settings);
        WeChatHttpClient client = new WeChatHttpClient(settings.transport());
        // a few threads, so that one slow fetch does not hold up the others; refreshes are deduplicated per account
        ExecutorService refreshPool = WorkerPools.newPool(context, this, "WeChatTokenRefresh", 4, true);
        try {
            TokenProviders tokens = new TokenProviders(client, settings.ticker(), refreshPool,
                    new QuotaCircuitBreaker(settings.quotaCooldown(), settings.ticker()),
                    new AppCredentials(settings.appSecrets(), settings.credentials()), shared);
            List<HealthCheck> checks = new ArrayList<>();
            checks.add(new WeChatTokenHealthCheck(this));
            shared.database().ifPresent(database -> checks.add(new DatabaseHealthCheck(database)));
            WeChatMetrics metrics = WeChatMetrics.forContext(context, tokens.statistics());
            shared.database().ifPresent(database -> database.listen(metrics.database()));
            running = new Running(context, client, refreshPool, tokens, metrics, shared, checks);
        } catch (RuntimeException e) {
            context.getExecutorServiceManager().shutdown(refreshPool);
            closeQuietly(client, e);
            throw e;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            running.healthChecks().forEach(registry::register);
        }
    }

    private static void closeQuietly(WeChatHttpClient client, RuntimeException failure) {
        try {
            client.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** In memory, or the database of the dataSource option, its tables created when they are missing. */
    private SharedState sharedState(EngineSettings settings) {
        if (settings.database() == null) {
            return SharedState.inMemory(defaultVerifyTicketStore, settings.clock());
        }
        WeChatDatabase database = new WeChatDatabase(settings.database().dataSource(),
                settings.database().tablePrefix());
        if (settings.database().createTables()) {
            database.createTables();
        }
        // a node waits for another's fetch at most as long as that fetch may take, twice
        return SharedState.database(database, settings.clock(), settings.transport().responseTimeout().multipliedBy(2));
    }

    public synchronized void stop() throws IOException {
        Running stopping = running;
        running = null;
        if (stopping == null) {
            return;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(stopping.context());
        if (registry != null) {
            stopping.healthChecks().forEach(registry::unregister);
        }
        stopping.context().getExecutorServiceManager().shutdown(stopping.refreshPool());
        openCalls.clear();
        stopping.client().close();
    }

    public boolean isStarted() {
        return running != null;
    }

    /**
     * Makes an endpoint's credentials known (and its token cache ready), so that messages of any endpoint can act
     * for its account with the CamelWeChatAppId header.
     *
     * @throws IllegalStateException if the engine is not started
     */
    public void register(CallSettings settings) {
        running().tokens().forEndpoint(settings.tokens());
    }

    /**
     * Calls for a producer or consumer, with its token source and retry rules; its default account is probed by
     * the readiness check while the handle is open.
     *
     * @throws IllegalStateException if the engine is not started
     */
    public AccountCalls openCalls(CallSettings settings) {
        Running engine = running();
        EngineAccountCalls calls = new EngineAccountCalls(settings, engine.tokens().forEndpoint(settings.tokens()),
                engine.tokens(), engine.client(), engine.metrics(), openCalls::remove);
        openCalls.add(calls);
        return calls;
    }

    public PushHints pushHints() {
        return pushHints;
    }

    /** Where pushed verify tickets go when a receiver names no store: the database's, else this JVM's. */
    public VerifyTicketStore verifyTickets() {
        Running engine = running;
        return engine == null ? defaultVerifyTicketStore : engine.shared().verifyTickets();
    }

    /** The push nonces every node shares, when there is a database. */
    public Optional<JdbcPushNonces> sharedPushNonces() {
        return running().shared().nonces();
    }

    /**
     * A watcher's delivered state in the shared database, when there is one: named after the watcher (its route),
     * read afresh each time the watcher starts.
     */
    public Optional<StateRepository<String, String>> sharedWatcherState(String watcher) {
        Running engine = running();
        return engine.shared().database().map(database -> new JdbcStateRepository(database, "watcher:" + watcher,
                engine.shared().clock()));
    }

    /**
     * Whether this node leads a watcher route under master:, as the gauge {@code wechat.watcher.leader} (1 or 0,
     * tagged with the route and the node) shows it. Registered when the route starts, so a standby node shows 0;
     * kept across restarts, so that the gauge keeps reading the same flag.
     */
    public AtomicBoolean leadership(String route, String node) {
        Running engine = running();
        return leadership.computeIfAbsent(route, key -> {
            AtomicBoolean leads = new AtomicBoolean();
            engine.metrics().watchLeadership(route, node, leads::get);
            return leads;
        });
    }

    /** Per-account token counters and circuit state, for JMX: no token or secret is ever part of it. */
    public TabularData tokenStatistics() throws OpenDataException {
        Running engine = running();
        return TokenStatisticsTable.of(engine.tokens().statistics(), engine.tokens().circuit().openCircuits());
    }

    /** The accounts whose quota circuit is open now, each with the time until the next try. */
    public Map<String, Duration> openQuotaCircuits() {
        return running().tokens().circuit().openCircuits();
    }

    /** What happened to an account's tokens so far: hits, fetches, refreshes, invalidations, retries. */
    public TokenStatistics.Snapshot tokenStatistics(String appId) {
        return running().tokens().statistics().snapshot(appId);
    }

    /**
     * What the developer console shows: the accounts with their tokens' state and quota circuits, the running
     * watchers and push receivers. Reads what is held in memory; calls nobody.
     */
    public WeChatStatus status() {
        Running engine = running;
        List<WeChatStatus.Account> accounts = engine == null ? List.of()
                : engine.tokens().accounts(probedProviders());
        return new WeChatStatus(engine != null, accounts,
                watchers.stream().map(Supplier::get).sorted(Comparator.comparing(WeChatStatus.Watcher::name)).toList(),
                receivers.stream().map(Supplier::get).sorted(Comparator.comparing(WeChatStatus.Receiver::path))
                        .toList());
    }

    /** A category watcher shows itself on the console from its start; closing the registration ends it. */
    public AutoCloseable showWatcher(Supplier<WeChatStatus.Watcher> status) {
        return show(watchers, status);
    }

    /** A push receiver shows its counters on the console from its start; closing the registration ends it. */
    public AutoCloseable showReceiver(Supplier<WeChatStatus.Receiver> status) {
        return show(receivers, status);
    }

    private static <T> AutoCloseable show(Set<T> shown, T status) {
        shown.add(status);
        return () -> shown.remove(status);
    }

    /** The accounts the readiness check probes: those some running producer or consumer acts for by default. */
    public Set<String> probedAccounts() {
        return probedProviders().keySet();
    }

    /**
     * The default account of every open handle with the provider it gets tokens from, worked out when asked: an
     * account stays probed while any producer or consumer acting for it runs.
     */
    Map<String, AccessTokenProvider> probedProviders() {
        Map<String, AccessTokenProvider> accounts = new TreeMap<>();
        for (EngineAccountCalls calls : openCalls) {
            String appId = calls.defaultAccount();
            if (appId != null && !appId.isBlank()) {
                accounts.putIfAbsent(appId, calls.tokens());
            }
        }
        return accounts;
    }

    private Running running() {
        Running engine = running;
        if (engine == null) {
            throw new IllegalStateException("the wechat component is not started");
        }
        return engine;
    }
}
