package io.camelwechat.component.wechat.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.camelwechat.component.wechat.spi.Secret;

/**
 * The access tokens of every node in one table: read without a lock (a node takes a valid token it finds), and
 * replaced under the row's lock ({@code SELECT ... FOR UPDATE}), so that of all the nodes that find a token
 * missing, expired or rejected at once, one fetches and the others read what it stored. The component uses it when
 * its {@code dataSource} option is set. Thread-safe.
 */
public final class JdbcAccessTokens {

    /** A token as stored: its value (null when there is none) and when it expires, in epoch milliseconds. */
    public record StoredToken(Secret value, long expiresAt) {

        public static final StoredToken NONE = new StoredToken(null, 0);

        /** Whether it is there and valid for at least {@code life} more. */
        public boolean validFor(Duration life, Clock clock) {
            return value != null && expiresAt - clock.millis() >= life.toMillis();
        }
    }

    private final WeChatDatabase database;
    private final String table;
    private final Clock clock;
    private final Duration lockWait;

    /**
     * @param lockWait how long a node waits for another node's fetch (the row's lock) before it gives up
     */
    public JdbcAccessTokens(WeChatDatabase database, Clock clock, Duration lockWait) {
        this.database = database;
        this.table = database.table("access_token");
        this.clock = clock;
        this.lockWait = lockWait;
    }

    public StoredToken read(String key) {
        return database.run("reading the access token " + key, connection -> select(connection, key, false));
    }

    /**
     * Locks the key's row (waiting at most the lock wait for another node's fetch), hands what is stored to
     * {@code decide}, stores what it answers when that differs, and commits, which releases the lock.
     *
     * @param decide given the stored token, answers the one to keep: the same, or a fetched one (called while the
     *               row is locked, so a fetch inside it is the only one)
     */
    public StoredToken replaceLocked(String key, UnaryOperator<StoredToken> decide) {
        String what = "locking the access token " + key;
        database.run(what, connection -> {
            ensureRow(connection, key);
            return null;
        });
        return database.run(what, connection -> WeChatDatabase.inTransaction(connection, locked -> {
            long asked = System.nanoTime();
            StoredToken stored = select(locked, key, true);
            database.listener().lockWaited(System.nanoTime() - asked);
            StoredToken kept = decide.apply(stored);
            if (!kept.equals(stored)) {
                WeChatDatabase.execute(locked, "UPDATE " + table + " SET token_value = ?, expires_at = ?, "
                                               + "updated_at = ? WHERE token_key = ?",
                        kept.value() == null ? null : kept.value().reveal(), kept.expiresAt(), clock.millis(), key);
            }
            return kept;
        }));
    }

    /** Forgets the key's token if it is still {@code rejected}: WeChat refused it (compare-and-invalidate). */
    public void forgetIfStill(String key, String rejected) {
        database.run("forgetting the rejected access token " + key, connection -> WeChatDatabase.execute(connection,
                "UPDATE " + table + " SET token_value = NULL, expires_at = 0, updated_at = ? WHERE token_key = ? AND "
                + "token_value = ?", clock.millis(), key, rejected));
    }

    private StoredToken select(Connection connection, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT token_value, expires_at FROM " + table
                                                                       + " WHERE token_key = ?"
                                                                       + (forUpdate ? " FOR UPDATE" : ""))) {
            if (forUpdate) {
                statement.setQueryTimeout((int) Math.max(1, lockWait.toSeconds()));
            }
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new StoredToken(Secret.ofNullable(row.getString(1)), row.getLong(2))
                        : StoredToken.NONE;
            }
        }
    }

    private void ensureRow(Connection connection, String key) throws SQLException {
        try {
            WeChatDatabase.execute(connection, "INSERT INTO " + table + " (token_key, token_value, expires_at, "
                                               + "updated_at) VALUES (?, NULL, 0, ?)", key, clock.millis());
        } catch (SQLException e) {
            if (!WeChatDatabase.isDuplicateKey(e)) {
                throw e;
            }
        }
    }
}
