package io.camelwechat.component.wechat.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.SharedTokenFetcher;
import io.camelwechat.component.wechat.internal.token.TokenFetcher;
import io.camelwechat.component.wechat.jdbc.JdbcAccessTokens;
import io.camelwechat.component.wechat.jdbc.JdbcAuthorizerTokenStore;
import io.camelwechat.component.wechat.jdbc.JdbcPushNonces;
import io.camelwechat.component.wechat.jdbc.JdbcVerifyTicketStore;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.InMemoryAuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;

/**
 * Where the state beyond one node's caches lives: in this JVM's memory, or, with the {@code dataSource} option, in
 * the database every node shares (tokens, verify tickets, refresh tokens, push nonces; the watchers' state is
 * opened per watcher). An endpoint's own store option wins over these defaults.
 */
final class SharedState {

    private final WeChatDatabase database;
    private final JdbcAccessTokens tokens;
    private final VerifyTicketStore verifyTickets;
    private final AuthorizerTokenStore refreshTokens;
    private final JdbcPushNonces nonces;
    private final Clock clock;

    private SharedState(WeChatDatabase database, JdbcAccessTokens tokens, VerifyTicketStore verifyTickets,
                        AuthorizerTokenStore refreshTokens, JdbcPushNonces nonces, Clock clock) {
        this.database = database;
        this.tokens = tokens;
        this.verifyTickets = verifyTickets;
        this.refreshTokens = refreshTokens;
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * @param verifyTickets the component's in-memory tickets, which push receivers started earlier already use
     */
    static SharedState inMemory(VerifyTicketStore verifyTickets, Clock clock) {
        return new SharedState(null, null, verifyTickets, new InMemoryAuthorizerTokenStore(), null, clock);
    }

    /**
     * @param lockWait how long a node waits for another's token fetch before it fails
     */
    static SharedState database(WeChatDatabase database, Clock clock, Duration lockWait) {
        return new SharedState(database, new JdbcAccessTokens(database, clock, lockWait),
                new JdbcVerifyTicketStore(database, clock), new JdbcAuthorizerTokenStore(database, clock),
                new JdbcPushNonces(database, clock), clock);
    }

    Optional<WeChatDatabase> database() {
        return Optional.ofNullable(database);
    }

    VerifyTicketStore verifyTickets() {
        return verifyTickets;
    }

    AuthorizerTokenStore refreshTokens() {
        return refreshTokens;
    }

    Clock clock() {
        return clock;
    }

    Optional<JdbcPushNonces> nonces() {
        return Optional.ofNullable(nonces);
    }

    /**
     * The fetcher of a token source, shared through the database when there is one: a stored token is taken if it
     * outlives twice the cache's expiry margin (so the cache keeps it at least the margin).
     */
    TokenFetcher shares(String sourceKey, TokenFetcher fetcher, CachingAccessTokenProvider.Policy policy) {
        return tokens == null ? fetcher
                : new SharedTokenFetcher(fetcher, tokens, sourceKey, clock, policy.expiryMargin().multipliedBy(2));
    }
}
