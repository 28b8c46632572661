package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.internal.client.HttpTransportSettings;

/**
 * The component's options the engine runs with.
 *
 * @param ticker        where the token cache and the quota circuit read time from
 * @param quotaCooldown how long an account's calls fail at once after WeChat said its quota is exhausted
 */
public record EngineSettings(HttpTransportSettings transport, Ticker ticker, Duration quotaCooldown) {
}
