package io.camelwechat.component.wechat.consumer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.SettingCategories;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.StateRepository;
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

    private final WatcherSettings settings;
    private final Function<String, SettingCategories> fetcher;
    private final Clock clock;
    private final AccountBackoff backoff = new AccountBackoff(MAX_ACCOUNT_SKIPS);
    private ExecutorService pollers;
    private WatcherHealthCheck healthCheck;

    /** What the endpoint configures: the accounts, where state lives, how many polls run at once. */
    public record WatcherSettings(WeChatAccountsProvider accounts, StateRepository<String, String> state,
            int pollConcurrency, boolean emitInitialState) {
    }

    /**
     * @param fetcher getSettingCategories for an account, with the endpoint's token handling and retry rules
     */
    public CategoryAuditConsumer(org.apache.camel.Endpoint endpoint, Processor processor, WatcherSettings settings,
                                 Function<String, SettingCategories> fetcher, Clock clock) {
        super(endpoint, processor);
        if (settings.pollConcurrency() < 1) {
            throw new IllegalArgumentException("pollConcurrency must be at least 1, got " + settings.pollConcurrency());
        }
        this.settings = settings;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        // started here, not with the context: a follower taking over in a cluster reads the state as it is now
        ServiceHelper.startService(settings.state());
        pollers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "WeChatCategoryWatcher", settings.pollConcurrency());
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry != null) {
            healthCheck = new WatcherHealthCheck("wechat-watcher:" + getRouteId(), this);
            registry.register(healthCheck);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (pollers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(pollers);
            pollers = null;
        }
        ServiceHelper.stopService(settings.state());
        HealthCheckRegistry registry = HealthCheckRegistry.get(getEndpoint().getCamelContext());
        if (registry != null && healthCheck != null) {
            registry.unregister(healthCheck);
        }
    }

    @Override
    protected int poll() throws Exception {
        Map<String, Future<SettingCategories>> fetches = new LinkedHashMap<>();
        for (String appId : settings.accounts().appIds()) {
            if (backoff.shouldPoll(appId)) {
                fetches.put(appId, pollers.submit(() -> fetcher.apply(appId)));
            }
        }
        int emitted = 0;
        Exception lastFailure = null;
        int failures = 0;
        for (Map.Entry<String, Future<SettingCategories>> fetch : fetches.entrySet()) {
            String appId = fetch.getKey();
            SettingCategories categories;
            try {
                categories = fetch.getValue().get();
            } catch (ExecutionException e) {
                failures++;
                lastFailure = e.getCause() instanceof Exception cause ? cause : e;
                int skipped = backoff.failed(appId, lastFailure.getMessage());
                LOG.warn("Polling the categories of {} failed; it sits out the next {} poll(s): {}", appId, skipped,
                        lastFailure.getMessage());
                continue;
            }
            backoff.succeeded(appId);
            emitted += deliverChanges(appId, categories);
        }
        if (failures > 0 && failures == fetches.size()) {
            // nothing worked: let the scheduled poll consumer's error handling, backoff and health check see it
            throw lastFailure;
        }
        return emitted;
    }

    /** Diffs one account against what was delivered and emits each change, committing it once delivered. */
    synchronized int deliverChanges(String appId, SettingCategories categories) {
        CategorySnapshot current = CategorySnapshot.of(categories.categories());
        String stored = settings.state().getState(appId);
        if (stored == null && !settings.emitInitialState()) {
            settings.state().setState(appId, current.toJson());
            return 0;
        }
        CategorySnapshot delivered = stored == null ? CategorySnapshot.empty() : CategorySnapshot.fromJson(stored);
        List<CategoryChange> changes = CategorySnapshot.diff(appId, delivered, current, clock.instant());
        int emitted = 0;
        for (CategoryChange change : changes) {
            if (deliver(change)) {
                delivered = delivered.with(change);
                settings.state().setState(appId, delivered.toJson());
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
        message.setHeader(WatcherHeaders.APP_ID, change.appId());
        message.setHeader(WatcherHeaders.CATEGORY_FIRST, change.first());
        message.setHeader(WatcherHeaders.CATEGORY_SECOND, change.second());
        message.setHeader(WatcherHeaders.AUDIT_STATUS, change.status());
        message.setHeader(WatcherHeaders.PREVIOUS_AUDIT_STATUS, change.previousStatus());
        message.setHeader(WatcherHeaders.AUDIT_REASON, change.reason());
        message.setHeader(WatcherHeaders.CHANGE_TYPE, change.type().name());
    }

    /** The accounts whose last poll failed, each with its error: what the readiness check reports. */
    public Map<String, String> failingAccounts() {
        return backoff.failing();
    }
}
