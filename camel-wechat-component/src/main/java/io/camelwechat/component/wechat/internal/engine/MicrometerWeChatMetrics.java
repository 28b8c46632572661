package io.camelwechat.component.wechat.internal.engine;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * Publishes to Micrometer: a timer {@code wechat.calls} per API and outcome, and per account the counters
 * {@code wechat.token.hits}, {@code .fetches}, {@code .background.refreshes}, {@code .invalidations},
 * {@code .retries} and {@code .busy.retries}, read from the token statistics. Only loaded when Micrometer is on
 * the classpath.
 */
final class MicrometerWeChatMetrics implements WeChatMetrics {

    private final MeterRegistry registry;
    private final TokenStatistics statistics;
    private final Set<String> accountsWithCounters = ConcurrentHashMap.newKeySet();
    /** Timers by API, then outcome: looked up per call without building a meter id each time. */
    private final Map<String, Map<String, Timer>> callTimers = new ConcurrentHashMap<>();

    private MicrometerWeChatMetrics(MeterRegistry registry, TokenStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
    }

    /** The registry the application uses, if it has exactly one. */
    static WeChatMetrics fromRegistry(CamelContext context, TokenStatistics statistics) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        return registry == null ? null : new MicrometerWeChatMetrics(registry, statistics);
    }

    @Override
    public void recordCall(String api, String outcome, long nanos) {
        callTimers.computeIfAbsent(api, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Timer.builder("wechat.calls")
                        .description("WeChat API calls, by API and outcome (ok or the errcode)")
                        .tag("api", api).tag("outcome", outcome).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void watchLeadership(String route, String node, BooleanSupplier leads) {
        Gauge.builder("wechat.watcher.leader", leads, supplier -> supplier.getAsBoolean() ? 1 : 0)
                .description("1 while this node leads the watcher route (under master:), else 0")
                .tag("route", route).tag("node", node).strongReference(true).register(registry);
    }

    /** The shared database's lock waits (a timer) and failures (a counter), tagged with nothing secret. */
    @Override
    public WeChatDatabase.Listener database() {
        Timer lockWaits = Timer.builder("wechat.database.lock.wait")
                .description("time a node waited for a token row's lock: another node's fetch").register(registry);
        Counter failures = Counter.builder("wechat.database.errors")
                .description("statements or connections of the shared database that failed").register(registry);
        return new WeChatDatabase.Listener() {
            @Override
            public void lockWaited(long nanos) {
                lockWaits.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void failed(String what) {
                failures.increment();
            }
        };
    }

    /** Registers the token counters of an account the first time it is called for. */
    @Override
    public void watchAccount(String appId) {
        if (appId == null || !accountsWithCounters.add(appId)) {
            return;
        }
        counter("wechat.token.hits", "calls served by a cached token", appId, s -> s.hits());
        counter("wechat.token.fetches", "token fetches a caller waited for", appId, s -> s.fetches());
        counter("wechat.token.background.refreshes", "tokens refreshed ahead of expiry", appId,
                s -> s.backgroundRefreshes());
        counter("wechat.token.invalidations", "tokens dropped after WeChat rejected them", appId,
                s -> s.invalidations());
        counter("wechat.token.retries", "calls retried after a token rejection", appId, s -> s.tokenRetries());
        counter("wechat.token.busy.retries", "calls retried after a busy answer", appId, s -> s.busyRetries());
    }

    private void counter(String name, String description, String appId,
                         ToDoubleFunction<TokenStatistics.Snapshot> value) {
        FunctionCounter.builder(name, statistics, stats -> value.applyAsDouble(stats.snapshot(appId)))
                .description(description).tag("appId", appId).register(registry);
    }
}
