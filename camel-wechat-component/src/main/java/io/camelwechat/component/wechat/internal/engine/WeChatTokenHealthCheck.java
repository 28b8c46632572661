package io.camelwechat.component.wechat.internal.engine;

import java.util.Map;

import io.camelwechat.component.wechat.internal.support.ReadinessCheck;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the wechat component: DOWN while an account's quota circuit is open, or when a token cannot be
 * obtained for an account a running producer or watcher acts for. A probe reads the token cache, so it normally makes no
 * call to WeChat. Details name the accounts and errcodes, never a token or secret.
 */
final class WeChatTokenHealthCheck extends ReadinessCheck {

    static final String ID = "wechat-tokens";

    private final WeChatEngine engine;

    WeChatTokenHealthCheck(WeChatEngine engine) {
        super(ID);
        this.engine = engine;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).up();
        if (!engine.isStarted()) {
            return result.down().message("the wechat component is not started").build();
        }
        Map<String, ?> open = engine.openQuotaCircuits();
        if (!open.isEmpty()) {
            result.down().message("WeChat quota exhausted for " + open.keySet()).detail("quota.exhausted", open.keySet());
        }
        for (Map.Entry<String, AccessTokenProvider> account : engine.probedProviders().entrySet()) {
            if (open.containsKey(account.getKey())) {
                continue;
            }
            if (account.getValue() instanceof CachingAccessTokenProvider cache
                && cache.cachedToken(account.getKey()).isPresent()) {
                continue; // a cached token answers the probe without calling WeChat
            }
            try {
                account.getValue().getToken(account.getKey());
            } catch (RuntimeException e) {
                result.down().message("no access token for " + account.getKey() + ": " + e.getMessage())
                        .detail("token.failed." + account.getKey(), e.getClass().getSimpleName());
            }
        }
        return result.build();
    }
}
