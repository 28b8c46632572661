package io.camelwechat.component.wechat.internal.watcher;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.engine.AccountCalls;
import io.camelwechat.component.wechat.internal.engine.CallSettings;
import io.camelwechat.component.wechat.internal.engine.WeChatEngine;
import io.camelwechat.component.wechat.internal.engine.WeChatStatus;
import io.camelwechat.component.wechat.internal.support.AccountIds;
import io.camelwechat.component.wechat.internal.support.WorkerPools;
import io.camelwechat.component.wechat.jdbc.JdbcStateRepository;
import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.spi.WeChatAccountsProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the categories of one or many accounts and emits one exchange per change.
 * <p>
 * Each poll fetches getSettingCategories for every due account ({@code pollConcurrency} at a time), diffs the
 * answer against what was last delivered, and emits the changes account by account. A change is committed to
 * the {@link StateRepository} only after its exchange completed without an exception; a failed exchange is
 * therefore emitted again at the next poll (at least once, never lost). An account that fails is logged with its
 * appid and backs off on its own; the others go on. {@link #poll()} returns the number of exchanges emitted.
 */
public class CategoryAuditConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CategoryAuditConsumer.class);
    private static final int MAX_ACCOUNT_SKIPS = 16;
    /** Names watchers that run without a route id of their own (under master:). */
    private static final AtomicLong WATCHER_NUMBERS = new AtomicLong();

    private final WatcherSettings settings;
    private final WeChatEngine engine;
    private final Clock clock;
    private volatile AccountCalls calls;
    private volatile StateRepository<String, String> state;
    private String name;
    private AutoCloseable hints;
    /** The accounts of the last poll: what a push hint may check without asking the accounts provider again. */
    private volatile Set<String> watched = Set.of();
    private final AccountBackoff backoff = new AccountBackoff(MAX_ACCOUNT_SKIPS);
    private volatile ExecutorService pollers;
    /** Orders fetches, so that a delivery never uses an answer older than the last one delivered from. */
    private final AtomicLong fetchSequence = new AtomicLong();
    private final Map<String, Long> lastDeliveredSequence = new ConcurrentHashMap<>();
    private WatcherHealthCheck healthCheck;
    /** Set when the watcher runs under master:: asked before each poll and each delivery. */
    private volatile ClusterLeadership leadership;
    private volatile AtomicBoolean leading;
    private final AtomicBoolean standingDown = new AtomicBoolean();
    private final WatcherActivity activity = new WatcherActivity();
    private AutoCloseable shown;

    /**
     * What the endpoint configures.
     *
     * @param accounts    the accounts to watch, asked before every poll
     * @param state         the stateRepository option, or null: then the shared database's, else inMemoryState
     * @param inMemoryState the endpoint's own, kept across route restarts
     * @param pushHints   whether an audit push for a watched account makes the watcher check it at once
     * @param calls       the token source and retry rules of the fetches
     * @param listRequest getSettingCategories, the same for every account but the token
     */
    public record WatcherSettings(WeChatAccountsProvider accounts, StateRepository<String, String> state,
            StateRepository<String, String> inMemoryState, int pollConcurrency, boolean emitInitialState, boolean pushHints, CallSettings calls,
            WeChatRequest listRequest) {
    }

    public CategoryAuditConsumer(Endpoint endpoint, Processor processor, WatcherSettings settings, WeChatEngine engine,
                                 Clock clock) {
        super(endpoint, processor);
        this.settings = settings;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        Route route = route();
        leadership = route == null ? null : ClusterLeadership.of(route).orElse(null);
        standingDown.set(false);
        // started here, not with the context: a follower taking over in a cluster reads the state as it is now
        state = settings.state() != null ? settings.state()
                : engine.sharedWatcherState(name()).orElse(settings.inMemoryState());
        ServiceHelper.startService(state);
        calls = engine.openCalls(settings.calls());
        if (settings.pushHints()) {
            hints = engine.pushHints().listen(this::checkNow);
        }
        pollers = WorkerPools.newPool(getEndpoint().getCamelContext(), this, "WeChatCategoryWatcher",
                settings.pollConcurrency(), false);
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry != null) {
            healthCheck = new WatcherHealthCheck("wechat-watcher:" + name(), this);
            registry.register(healthCheck);
        }
        shown = engine.showWatcher(this::status);
        super.doStart();
        if (leadership != null) {
            leading = engine.leadership(leadership.route(), leadership.node());
            leading.set(true);
            LOG.info("Route {} on node {} leads namespace {}: its category watcher starts, reading the delivered "
                     + "state afresh", leadership.route(), leadership.node(), leadership.namespace());
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (leadership != null) {
            leading.set(false);
            LOG.info("Route {} on node {} stopped its category watcher (namespace {})", leadership.route(),
                    leadership.node(), leadership.namespace());
        }
        if (pollers != null) {
            // graceful: a check after a push may be delivering; the state below must outlive it
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(pollers);
            pollers = null;
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry != null && healthCheck != null) {
            registry.unregister(healthCheck);
        }
        if (hints != null) {
            hints.close();
            hints = null;
        }
        if (shown != null) {
            shown.close();
            shown = null;
        }
        if (calls != null) {
            calls.close();
        }
        // a database repository reads the table afresh at its next start, so that a node taking the lead back never
        // resumes from what it held; Camel's own repositories are never stopped: they clear their contents on stop,
        // which would lose what this watcher after a route restart, or another sharing the instance, still needs
        if (state instanceof JdbcStateRepository) {
            synchronized (this) { // after a poll the stop interrupted has left deliverChanges
                ServiceHelper.stopService(state);
            }
        }
    }

    /** The watcher's name: its route's id (the same on every node), which also names its state in a database. */
    private String name() {
        if (name == null) {
            Route route = route();
            name = route != null ? route.getId() : "watcher-" + WATCHER_NUMBERS.incrementAndGet();
        }
        return name;
    }

    /**
     * The route this watcher feeds: its own, or, when master: started it on the elected node, the route whose
     * consumer master: is (the one that hands it the same processor).
     */
    private Route route() {
        CamelContext context = getEndpoint().getCamelContext();
        if (getRouteId() != null) {
            return context.getRoute(getRouteId());
        }
        return context.getRoutes().stream()
                .filter(route -> route.getConsumer() instanceof DefaultConsumer consumer && consumer != this
                                 && consumer.getProcessor() == getProcessor())
                .findFirst().orElse(null);
    }

    /**
     * True unless the watcher runs under master: and the cluster service says another node leads: then it stands
     * down (once) and this poll or delivery is skipped.
     */
    private boolean stillLeads() {
        ClusterLeadership current = leadership;
        if (current == null || current.leads()) {
            return true;
        }
        if (standingDown.compareAndSet(false, true)) {
            leading.set(false);
            LOG.warn("Route {} on node {} no longer leads namespace {}, but its category watcher was not stopped (the "
                     + "cluster service did not tell): it stops polling and restarts the route to rejoin the election",
                    current.route(), current.node(), current.namespace());
            rejoinElection(current.route());
        }
        return false;
    }

    /** Restarts the master: route from another thread: its consumer releases the election and enters it again. */
    private void rejoinElection(String route) {
        CamelContext context = getEndpoint().getCamelContext();
        ExecutorService rejoin = context.getExecutorServiceManager().newSingleThreadExecutor(this, "WeChatWatcherRejoin");
        rejoin.execute(() -> {
            try {
                context.getRouteController().stopRoute(route);
                context.getRouteController().startRoute(route);
            } catch (Exception e) {
                LOG.warn("Route {} could not be restarted to rejoin the election; restart it to watch again: {}", route,
                        e.getMessage());
            } finally {
                context.getExecutorServiceManager().shutdown(rejoin);
            }
        });
    }

    @Override
    protected int poll() throws Exception {
        if (!stillLeads()) {
            return 0;
        }
        Set<String> accounts = validAccounts(settings.accounts().appIds());
        watched = accounts;
        backoff.retainOnly(accounts);
        lastDeliveredSequence.keySet().retainAll(accounts); // accounts no longer watched (authorizers come and go)
        Map<String, Future<Fetched>> fetches = new LinkedHashMap<>();
        for (String appId : accounts) {
            if (backoff.shouldPoll(appId)) {
                fetches.put(appId, pollers.submit(() -> fetch(appId)));
            }
        }
        int emitted = 0;
        Exception lastFailure = null;
        for (Map.Entry<String, Future<Fetched>> fetch : fetches.entrySet()) {
            if (!isRunAllowed()) {
                // stopping: what is not delivered now is found again by the next poll, so the fetches still
                // queued would only spend WeChat quota
                fetches.values().forEach(pending -> pending.cancel(false));
                break;
            }
            String appId = fetch.getKey();
            try {
                Fetched fetched = fetch.getValue().get();
                emitted += deliverChanges(appId, fetched.sequence(), fetched.categories());
                backoff.succeeded(appId);
            } catch (ExecutionException | RuntimeException e) {
                lastFailure = e instanceof ExecutionException && e.getCause() instanceof Exception cause ? cause : e;
                int skipped = backoff.failed(appId, lastFailure.getMessage());
                LOG.warn("Watching the categories of {} failed; it sits out the next {} poll(s): {}", appId, skipped,
                        lastFailure.getMessage());
            }
        }
        for (String unwritten : commitState(null).values()) {
            lastFailure = new IllegalStateException(unwritten);
        }
        Map<String, String> failing = backoff.failing();
        activity.polled(clock.instant(), fetches.size(), emitted, failing.size());
        if (!accounts.isEmpty() && failing.keySet().containsAll(accounts)) {
            // nothing works: let the scheduled poll consumer's error handling, backoff and health check see it
            throw lastFailure != null ? lastFailure
                    : new IllegalStateException("all " + accounts.size() + " watched accounts are failing: "
                                                + failing);
        }
        return emitted;
    }

    /**
     * A push said an audit of this account ended: check it now rather than at the next poll. The changes still
     * come from the diff, so a transition seen by the push and by a poll is emitted once.
     */
    public void checkNow(String appId) {
        ExecutorService executor = pollers;
        if (executor == null || !isRunAllowed() || !watched.contains(appId)) {
            return;
        }
        executor.execute(() -> {
            try {
                Fetched fetched = fetch(appId);
                deliverChanges(appId, fetched.sequence(), fetched.categories());
                commitState(null);
            } catch (RuntimeException e) {
                LOG.warn("Checking the categories of {} after a push failed; the next poll checks again: {}", appId,
                        e.getMessage());
            }
        });
    }

    /** WeChat's answer, numbered when the fetch started: a later number is never older data. */
    private record Fetched(long sequence, SettingCategories categories) {
    }

    private Fetched fetch(String appId) {
        long sequence = fetchSequence.incrementAndGet();
        AccountCalls open = calls;
        return new Fetched(sequence, open.call(open.resolveAccount(appId), settings.listRequest(), false,
                SettingCategories.class));
    }

    /** The provider's accounts without the ids that are not appids (logged, escaped, and skipped). */
    private static Set<String> validAccounts(Collection<String> appIds) {
        Set<String> valid = new LinkedHashSet<>();
        for (String appId : appIds) {
            try {
                valid.add(AccountIds.check(appId, "an appid from the accountsProvider"));
            } catch (IllegalArgumentException e) {
                LOG.warn("The category watcher skips an account: {}", e.getMessage());
            }
        }
        return valid;
    }

    /**
     * Waits until the database state (written behind the deliveries) holds what was delivered. An account whose state
     * could not be written sits out polls like any failing account; its change is delivered again afterwards.
     *
     * @param current the account being delivered, if any: its failure is thrown, as a failed delivery's is
     * @return the other accounts whose state could not be written, each with why
     */
    private synchronized Map<String, String> commitState(String current) {
        if (!(state instanceof JdbcStateRepository database)) {
            return Map.of();
        }
        Map<String, String> unwritten = new LinkedHashMap<>(database.flush());
        String own = current == null ? null : unwritten.remove(current);
        unwritten.forEach((appId, error) -> {
            int skipped = backoff.failed(appId, error);
            LOG.warn("The delivered categories of {} could not be saved; the change is delivered again after {} "
                     + "poll(s): {}", appId, skipped, error);
        });
        if (own != null) {
            throw new IllegalStateException("the delivered categories could not be saved: " + own);
        }
        return unwritten;
    }

    /** Diffs one account against what was delivered and emits each change, committing it once delivered. */
    synchronized int deliverChanges(String appId, long sequence, SettingCategories categories) {
        // a push check and a poll may fetch the same account at once: an answer older than one already delivered
        // from must not be diffed, or it would report the newer state as undone
        if (sequence < lastDeliveredSequence.getOrDefault(appId, Long.MIN_VALUE)) {
            return 0;
        }
        lastDeliveredSequence.put(appId, sequence);
        String stored = state.getState(appId);
        if (stored == null && !settings.emitInitialState()) {
            state.setState(appId, CategorySnapshot.of(categories.categories()).toJson());
            return 0;
        }
        CategorySnapshot delivered = stored == null ? CategorySnapshot.empty() : CategorySnapshot.fromJson(stored);
        CategorySnapshot current = CategorySnapshot.of(categories.categories(), delivered);
        List<CategoryChange> changes = CategorySnapshot.diff(appId, delivered, current, clock.instant());
        if (!changes.isEmpty() && !stillLeads()) {
            return 0; // the lead moved during this poll: the new leader delivers these
        }
        int emitted = 0;
        for (CategoryChange change : changes) {
            // the change delivered before this one is recorded first, so that a crash delivers at most one change
            // twice; recordings of first sights, which deliver nothing, go on in batches behind
            commitState(appId);
            if (!isRunAllowed()) {
                break;
            }
            if (deliver(change)) {
                delivered = delivered.with(change);
                state.setState(appId, delivered.toJson());
                emitted++;
            }
        }
        return emitted;
    }

    private boolean deliver(CategoryChange change) {
        Exchange exchange = createExchange(false);
        try {
            populate(exchange.getMessage(), change);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.isRollbackOnly() && exchange.getException() == null) {
                exchange.setException(new IllegalStateException("the route marked the exchange rollback-only"));
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Delivering a category change of " + change.appId() + " ("
                                                      + change.first() + "/" + change.second() + " "
                                                      + change.type() + ") failed; it is emitted again at the next "
                                                      + "poll",
                        exchange, exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static void populate(Message message, CategoryChange change) {
        message.setBody(change);
        message.setHeader(WeChatConstants.APP_ID, change.appId());
        message.setHeader(WeChatConstants.CATEGORY_FIRST, change.first());
        message.setHeader(WeChatConstants.CATEGORY_SECOND, change.second());
        message.setHeader(WeChatConstants.AUDIT_STATUS, change.status());
        message.setHeader(WeChatConstants.PREVIOUS_AUDIT_STATUS, change.previousStatus());
        message.setHeader(WeChatConstants.AUDIT_REASON, change.reason());
        message.setHeader(WeChatConstants.PREVIOUS_AUDIT_REASON, change.previousReason());
        message.setHeader(WeChatConstants.CHANGE_TYPE, change.type().name());
    }

    /** What the developer console shows of this watcher. */
    private WeChatStatus.Watcher status() {
        AtomicBoolean leads = leading;
        return activity.status(name(), leadership == null || leads == null ? null : leads.get(), watched,
                backoff.failing(), state);
    }

    /** The accounts whose last poll failed, each with its error: what the readiness check reports. */
    public Map<String, String> failingAccounts() {
        return backoff.failing();
    }
}
