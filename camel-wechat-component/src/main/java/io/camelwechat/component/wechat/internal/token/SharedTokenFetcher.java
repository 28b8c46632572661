package io.camelwechat.component.wechat.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import io.camelwechat.component.wechat.WeChatDatabaseException;
import io.camelwechat.component.wechat.jdbc.JdbcAccessTokens.StoredToken;
import io.camelwechat.component.wechat.jdbc.JdbcAccessTokens;
import io.camelwechat.component.wechat.spi.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches tokens once for every node that shares a database: a valid token another node stored is taken as it is;
 * otherwise the token's row is locked, read again (the node that held the lock may just have stored one), and only
 * then is WeChat asked, the answer stored for the others before the lock is released. A rejected token is forgotten
 * in the table only if it is still the stored one, so that one rejection makes one refetch cluster-wide.
 * <p>
 * Without the database no token is fetched: a classic fetch behind the other nodes' backs would end the token they
 * use. The caller's own cache keeps serving the token it holds meanwhile.
 */
public final class SharedTokenFetcher implements TokenFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTokenFetcher.class);

    private final TokenFetcher upstream;
    private final JdbcAccessTokens table;
    private final String source;
    private final Clock clock;
    private final Duration minimumLife;

    /**
     * @param source      what the tokens are, for their keys: mode, base URL, and the platform where there is one
     * @param minimumLife how long a stored token must still be valid to be taken
     */
    public SharedTokenFetcher(TokenFetcher upstream, JdbcAccessTokens table, String source, Clock clock,
                              Duration minimumLife) {
        this.upstream = upstream;
        this.table = table;
        this.source = source;
        this.clock = clock;
        this.minimumLife = minimumLife;
    }

    @Override
    public AccessToken fetch(String appId) {
        return obtain(appId, stored -> stored.validFor(minimumLife, clock));
    }

    /** Another node may have refreshed already: its token is taken if it is not the one held here. */
    @Override
    public AccessToken refresh(String appId, AccessToken current) {
        return obtain(appId, stored -> stored.validFor(minimumLife, clock) && !stored.value().equals(current.secret()));
    }

    @Override
    public void rejected(String appId, String token) {
        try {
            table.forgetIfStill(key(appId), token);
        } catch (WeChatDatabaseException e) {
            // the local cache forgot it already; the next fetch reads (or waits for) the database anyway
            LOG.warn("Could not mark a rejected access token of {} in the database: {}", appId, e.getMessage());
        }
    }

    private AccessToken obtain(String appId, Predicate<StoredToken> usable) {
        String key = key(appId);
        StoredToken stored = table.read(key);
        if (usable.test(stored)) {
            return asToken(stored);
        }
        return asToken(table.replaceLocked(key, locked -> usable.test(locked) ? locked : stored(upstream.fetch(appId))));
    }

    private StoredToken stored(AccessToken fetched) {
        return new StoredToken(fetched.secret(), clock.millis() + fetched.expiresIn().toMillis());
    }

    private AccessToken asToken(StoredToken stored) {
        return new AccessToken(stored.value(), Duration.ofMillis(Math.max(0, stored.expiresAt() - clock.millis())));
    }

    private String key(String appId) {
        return source + "|" + appId;
    }
}
