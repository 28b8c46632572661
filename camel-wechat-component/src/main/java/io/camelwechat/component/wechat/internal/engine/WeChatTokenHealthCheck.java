package io.camelwechat.component.wechat;

import java.util.Map;

import io.camelwechat.component.wechat.health.ReadinessCheck;
import io.camelwechat.component.wechat.token.AccessTokenProvider;
import io.camelwechat.component.wechat.token.CachingAccessTokenProvider;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the wechat component: DOWN while an account's quota circuit is open, or when a token cannot be
 * obtained for an account a started endpoint acts for. A probe reads the token cache, so it normally makes no
 * call to WeChat. Details name the accounts and errcodes, never a token or secret.
 */
final class WeChatTokenHealthCheck extends ReadinessCheck {

    static final String ID = "wechat-tokens";

    private final WeChatComponent component;

    WeChatTokenHealthCheck(WeChatComponent component) {
        super(ID);
        this.component = component;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).up();
        if (!component.isStarted()) {
            return result.down().message("the wechat component is not started").build();
        }
        Map<String, ?> open = component.tokenProviders().circuit().openCircuits();
        if (!open.isEmpty()) {
            result.down().message("WeChat quota exhausted for " + open.keySet()).detail("quota.exhausted", open.keySet());
        }
        for (Map.Entry<String, AccessTokenProvider> account : component.watchedAccounts().entrySet()) {
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
