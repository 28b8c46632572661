package io.camelwechat.component.wechat.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.internal.client.HttpTransportSettings;
import io.camelwechat.component.wechat.spi.WeChatCredentialsProvider;

/**
 * The component's options the engine runs with.
 *
 * @param ticker        where the token caches and the quota circuit read time from
 * @param clock         what rows in the database are dated with (tokens' expiry, across nodes)
 * @param quotaCooldown how long an account's calls fail at once after WeChat said its quota is exhausted
 * @param database      the shared database, or null when state stays in this JVM
 * @param appSecrets    the appSecrets option: appid to AppSecret
 * @param credentials   the credentialsProvider option, or null
 */
public record EngineSettings(HttpTransportSettings transport, Ticker ticker, Clock clock, Duration quotaCooldown,
        Database database, Map<String, String> appSecrets, WeChatCredentialsProvider credentials) {

    /** The dataSource, tablePrefix and createTables options. */
    public record Database(DataSource dataSource, String tablePrefix, boolean createTables) {
    }
}
