package io.camelwechat.component.wechat.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes the rows of one {@link JdbcStateRepository}: at once, or behind its user on one thread of its own. Behind,
 * the rows handed over while the thread was busy go together, the latest value of each key, in one transaction of
 * two batched statements (updates, then inserts), so that thousands of deliveries cost a few round trips instead of
 * one each. A batch that fails is written again row by row, so that one row inserted by another node meanwhile does
 * not fail the others. Thread-safe.
 */
final class StateRowWriter {

    /** At most this many rows go in one transaction. */
    private static final int BATCH = 500;
    /** How long a stop waits for rows still being written (a database gone away fails them sooner). */
    private static final long CLOSE_WAIT_SECONDS = 30;

    /** A row to write; {@code stored} is what the table held before, as far as this node knows (null: no row). */
    private record Row(String key, String value, String stored) {
    }

    /** A row that could not be written: what the table still holds for it, and why. */
    record Unwritten(String stored, String error) {
    }

    private final WeChatDatabase database;
    private final String repository;
    private final Clock clock;
    private final String update;
    private final String insert;
    private final Queue<Row> queue = new ConcurrentLinkedQueue<>();
    /** Keys whose write failed since the last flush; the first failure's stored value is what the table has. */
    private final Map<String, Unwritten> unwritten = new ConcurrentHashMap<>();
    private final ExecutorService thread;

    /**
     * @param behind whether it writes on a thread of its own ({@link #writeBehind}, {@link #flush})
     */
    StateRowWriter(WeChatDatabase database, String table, String repository, Clock clock, boolean behind) {
        this.database = database;
        this.repository = repository;
        this.clock = clock;
        this.update = "UPDATE " + table + " SET state_value = ?, updated_at = ? WHERE repository = ? AND "
                      + "state_key = ?";
        this.insert = "INSERT INTO " + table + " (state_value, updated_at, repository, state_key) VALUES "
                      + "(?, ?, ?, ?)";
        this.thread = !behind ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, "WeChatStateWriter-" + repository);
            writer.setDaemon(true);
            return writer;
        });
    }

    /**
     * Writes the row now.
     *
     * @param stored what the table holds for the key as far as this node knows: a key seen for the first time is
     *               inserted with one statement, not an update that finds nothing and then an insert
     * @throws io.camelwechat.component.wechat.WeChatDatabaseException if it cannot be written
     */
    void write(String key, String value, String stored) {
        database.run("saving the state of " + key + " in " + repository, connection -> {
            Object[] parameters = { value, clock.millis(), repository, key };
            if (stored != null) {
                database.upsert(connection, update, insert, parameters);
            } else {
                database.insertOrUpdate(connection, insert, update, parameters);
            }
            return null;
        });
    }

    /** Hands the row to the writer's thread; {@link #flush} waits for it. */
    void writeBehind(String key, String value, String stored) {
        queue.add(new Row(key, value, stored));
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the state writer of " + repository + " is closed: the state of " + key
                                            + " is not saved", e);
        }
    }

    /**
     * Waits until every row handed over so far is written or has failed.
     *
     * @return the keys that could not be written since the last flush
     */
    Map<String, Unwritten> flush() {
        try {
            thread.submit(() -> { }).get(); // one thread, in order: every earlier row is done
        } catch (InterruptedException e) {
            // not done: whoever waits must not go on (a watcher would deliver its next change before this one is
            // saved)
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the state writer of " + repository, e);
        } catch (ExecutionException | RejectedExecutionException e) {
            throw new IllegalStateException("the state writer of " + repository + " failed", e);
        }
        Map<String, Unwritten> failed = new LinkedHashMap<>();
        for (String key : List.copyOf(unwritten.keySet())) {
            failed.put(key, unwritten.remove(key));
        }
        return failed;
    }

    /** Stops the writer's thread once the rows handed over are written: none is written after this returns. */
    void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, a batch at a time (each queued row also queued a drain: later ones find little). */
    private void drain() {
        List<Row> rows = new ArrayList<>();
        for (Row row = queue.poll(); row != null; row = rows.size() < BATCH ? queue.poll() : null) {
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return;
        }
        Collection<Row> latest = latestPerKey(rows);
        try {
            database.run("saving " + latest.size() + " states in " + repository,
                    connection -> WeChatDatabase.inTransaction(connection, batch -> writeBatch(batch, latest)));
            latest.forEach(row -> unwritten.remove(row.key()));
        } catch (RuntimeException e) {
            rowByRow(latest);
        }
    }

    /** The latest value of each key, with what the table held before the first of them. */
    private static Collection<Row> latestPerKey(List<Row> rows) {
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row row : rows) {
            latest.merge(row.key(), row, (first, later) -> new Row(first.key(), later.value(), first.stored()));
        }
        return latest.values();
    }

    private Void writeBatch(Connection connection, Collection<Row> rows) throws SQLException {
        List<Row> updates = rows.stream().filter(row -> row.stored() != null).toList();
        List<Row> inserts = new ArrayList<>(rows.stream().filter(row -> row.stored() == null).toList());
        int[] updated = execute(connection, update, updates);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(updates.get(i)); // its row is gone: written as a new one
            } else if (updated[i] < 0) {
                // a driver that does not count batched updates (SUCCESS_NO_INFO): the batch cannot tell a missing row
                throw new SQLException("the driver did not count the batched updates of " + repository);
            }
        }
        execute(connection, insert, inserts);
        return null;
    }

    private int[] execute(Connection connection, String sql, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        long now = clock.millis();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                WeChatDatabase.bind(statement, row.value(), now, repository, row.key());
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /**
     * After a failed batch: each row on its own, so that a row another node inserted meanwhile is updated instead;
     * once a row fails on its own (the database is away), the rest are given up without waiting for it each time.
     */
    private void rowByRow(Collection<Row> rows) {
        String failure = null;
        for (Row row : rows) {
            if (failure == null) {
                try {
                    write(row.key(), row.value(), row.stored());
                    unwritten.remove(row.key());
                    continue;
                } catch (RuntimeException e) {
                    failure = e.getMessage();
                }
            }
            unwritten.putIfAbsent(row.key(), new Unwritten(row.stored(), failure));
        }
    }
}
