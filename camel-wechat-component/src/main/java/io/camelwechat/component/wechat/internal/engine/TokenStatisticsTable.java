package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.util.Map;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

import io.camelwechat.component.wechat.internal.token.TokenStatistics;

/** Renders the token statistics as JMX open data: one row per account. */
final class TokenStatisticsTable {

    private static final String[] COLUMNS = { "appId", "hits", "fetches", "backgroundRefreshes", "refreshFailures",
                                              "invalidations", "forcedRefreshes", "tokenRetries", "busyRetries",
                                              "circuitOpenSeconds" };

    private TokenStatisticsTable() {
    }

    static TabularData of(TokenStatistics statistics, Map<String, Duration> open) throws OpenDataException {
        OpenType<?>[] types = new OpenType<?>[COLUMNS.length];
        types[0] = SimpleType.STRING;
        for (int i = 1; i < types.length; i++) {
            types[i] = SimpleType.LONG;
        }
        CompositeType row = new CompositeType("WeChatAccountTokenStatistics", "Token statistics of one account",
                COLUMNS, COLUMNS, types);
        TabularDataSupport table = new TabularDataSupport(
                new TabularType("WeChatTokenStatistics", "Token statistics per account", row, new String[] { "appId" }));
        for (TokenStatistics.Snapshot account : statistics.snapshots()) {
            table.put(new CompositeDataSupport(row, COLUMNS, new Object[] {
                    account.appId(), account.hits(), account.fetches(), account.backgroundRefreshes(),
                    account.refreshFailures(), account.invalidations(), account.forcedRefreshes(),
                    account.tokenRetries(), account.busyRetries(),
                    open.getOrDefault(account.appId(), Duration.ZERO).toSeconds() }));
        }
        return table;
    }
}
