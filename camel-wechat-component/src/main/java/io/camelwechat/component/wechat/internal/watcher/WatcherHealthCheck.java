package io.camelwechat.component.wechat.internal.watcher;

import java.util.Map;

import io.camelwechat.component.wechat.internal.support.ReadinessCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one category watcher: it reports the accounts whose last poll failed, with their errors. One
 * failing account among many (a revoked authorization, say) does not make the application unready, so the check
 * stays UP then; when every account fails, the poll itself fails and Camel's consumer check goes DOWN.
 */
final class WatcherHealthCheck extends ReadinessCheck {

    private final CategoryAuditConsumer consumer;

    WatcherHealthCheck(String id, CategoryAuditConsumer consumer) {
        super(id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).up();
        Map<String, String> failing = consumer.failingAccounts();
        if (!failing.isEmpty()) {
            result.message(failing.size() + " account(s) failing: " + failing.keySet());
            result.detail("failing.accounts", String.join(",", failing.keySet()));
            failing.forEach((appId, error) -> result.detail("failing." + appId, error));
        }
        return result.build();
    }
}
