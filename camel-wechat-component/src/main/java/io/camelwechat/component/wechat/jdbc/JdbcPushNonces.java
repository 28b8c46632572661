package io.camelwechat.component.wechat.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The nonces of accepted pushes, in the shared database: behind a load balancer a push replayed to another node is
 * refused there too, and WeChat's retry of the same push (same nonce) yields one message. Inserting a nonce is the
 * check (the primary key refuses a second one); expired nonces are deleted now and then. Thread-safe.
 */
public final class JdbcPushNonces {

    /** Expired nonces are deleted at most this often, by whichever insert comes first after it. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final WeChatDatabase database;
    private final String table;
    private final Clock clock;
    private final AtomicLong nextPurge = new AtomicLong();

    public JdbcPushNonces(WeChatDatabase database, Clock clock) {
        this.database = database;
        this.table = database.table("push_nonce");
        this.clock = clock;
    }

    /**
     * Records a nonce for {@code window}; false when it is recorded already and not yet expired (a replay).
     *
     * @param key the receiver's scope and the nonce
     */
    public boolean firstSeen(String key, Duration window) {
        long now = clock.millis();
        purgeExpired(now);
        return database.run("recording a push nonce", connection -> {
            try {
                WeChatDatabase.execute(connection, "INSERT INTO " + table + " (nonce_key, expires_at) VALUES (?, ?)",
                        key, now + window.toMillis());
                return true;
            } catch (java.sql.SQLException e) {
                if (!WeChatDatabase.isDuplicateKey(e)) {
                    throw e;
                }
                // seen before: a replay, unless that record expired (then it is taken over)
                return WeChatDatabase.execute(connection, "UPDATE " + table + " SET expires_at = ? WHERE "
                                                          + "nonce_key = ? AND expires_at < ?",
                        now + window.toMillis(), key, now) > 0;
            }
        });
    }

    /** Forgets a nonce: the push it came with was not accepted after all, so WeChat's retry is no replay. */
    public void forget(String key) {
        database.run("forgetting a push nonce", connection -> WeChatDatabase.execute(connection,
                "DELETE FROM " + table + " WHERE nonce_key = ?", key));
    }

    private void purgeExpired(long now) {
        long due = nextPurge.get();
        if (now < due || !nextPurge.compareAndSet(due, now + PURGE_EVERY.toMillis())) {
            return;
        }
        database.run("deleting expired push nonces", connection -> WeChatDatabase.execute(connection,
                "DELETE FROM " + table + " WHERE expires_at < ?", now));
    }
}
