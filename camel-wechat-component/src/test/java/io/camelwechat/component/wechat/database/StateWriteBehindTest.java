package io.camelwechat.component.wechat.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.jdbc.JdbcStateRepository;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watcher's own state repository writes behind its deliveries: after {@link JdbcStateRepository#flush} the table
 * holds what was set, and a value that could not be written is held again as the table has it, so that its change
 * is delivered again.
 */
class StateWriteBehindTest {

    private final AtomicBoolean down = new AtomicBoolean();
    /** While set, a connection is handed out only once it is counted down: a write in progress. */
    private volatile CountDownLatch held;

    /** The shared test database, refusing connections while {@link #down} is set. */
    private DataSource failing() {
        DataSource target = SharedPostgres.dataSource();
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLException("the database is down (test)", "08001");
                    }
                    CountDownLatch holding = held;
                    if (method.getName().equals("getConnection") && holding != null
                        && !holding.await(10, TimeUnit.SECONDS)) {
                        throw new SQLException("held too long (test)", "08001");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static JdbcStateRepository started(WeChatDatabase database) {
        JdbcStateRepository repository = new JdbcStateRepository(database, "watcher:behind", Clock.systemUTC());
        ServiceHelper.startService(repository);
        return repository;
    }

    @Test
    void flushedStates_areInTheTable_forTheNextStart() {
        WeChatDatabase database = new WeChatDatabase(failing(), SharedPostgres.freshPrefix());
        database.createTables();
        JdbcStateRepository repository = started(database);
        for (int i = 0; i < 100; i++) {
            repository.setState("wx" + i, "v1");
            repository.setState("wx" + i, "v2");
        }

        assertEquals(Map.of(), repository.flush());
        ServiceHelper.stopService(repository);
        assertStoredAfterAStart(database, 100, "v2");
    }

    /** What the next start reads: wx0 .. wx(count-1) all hold {@code value}. */
    private static void assertStoredAfterAStart(WeChatDatabase database, int count, String value) {
        JdbcStateRepository next = started(database);
        for (int i = 0; i < count; i++) {
            assertEquals(value, next.getState("wx" + i), "wx" + i);
        }
    }

    @Test
    void aRowAnotherNodeInsertedMeanwhile_isUpdated_andTheRestOfItsBatchWritten() {
        WeChatDatabase database = new WeChatDatabase(failing(), SharedPostgres.freshPrefix());
        database.createTables();
        JdbcStateRepository other = started(database);
        JdbcStateRepository repository = started(database); // started before the other node wrote: knows no row
        other.setState("wx1", "from-the-other-node");
        assertEquals(Map.of(), other.flush());

        for (int i = 0; i < 10; i++) {
            repository.setState("wx" + i, "mine"); // one batch of inserts, one of which finds its row there
        }

        assertEquals(Map.of(), repository.flush());
        ServiceHelper.stopService(repository);
        assertStoredAfterAStart(database, 10, "mine");
    }

    @Test
    void statesThatCouldNotBeWritten_areHeldAgainAsTheTableHasThem() {
        WeChatDatabase database = new WeChatDatabase(failing(), SharedPostgres.freshPrefix());
        database.createTables();
        JdbcStateRepository repository = started(database);
        repository.setState("wxstored", "delivered-1");
        assertEquals(Map.of(), repository.flush());

        down.set(true);
        repository.setState("wxstored", "delivered-2");
        repository.setState("wxstored", "delivered-3"); // two changes of one account in one poll, neither written
        repository.setState("wxnew", "first-sight");
        assertEquals("delivered-3", repository.getState("wxstored"), "held at once, before it is written");
        Map<String, String> failed = repository.flush();

        assertEquals(java.util.Set.of("wxstored", "wxnew"), failed.keySet());
        assertEquals("delivered-1", repository.getState("wxstored"), "what the table has: changes 2 and 3 come again");
        assertNull(repository.getState("wxnew"));
        down.set(false);
        repository.setState("wxstored", "delivered-3");
        assertEquals(Map.of(), repository.flush());
        ServiceHelper.stopService(repository);
        assertEquals("delivered-3", started(database).getState("wxstored"));
    }

    @Test
    void aWaitForTheWriterThatIsInterrupted_failsInsteadOfReturningAsIfTheRowsWereWritten() {
        WeChatDatabase database = new WeChatDatabase(failing(), SharedPostgres.freshPrefix());
        database.createTables();
        JdbcStateRepository repository = started(database);
        held = new CountDownLatch(1);
        repository.setState("wxheld", "delivered-1"); // its write waits for a connection

        Thread.currentThread().interrupt(); // a stop interrupting the poll
        assertThrows(IllegalStateException.class, repository::flush, "a watcher must not deliver its next change");
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");

        held.countDown();
        assertEquals(Map.of(), repository.flush());
        ServiceHelper.stopService(repository);
        assertEquals("delivered-1", started(database).getState("wxheld"));
        assertThrows(IllegalStateException.class, () -> repository.setState("wxheld", "delivered-2"),
                "a stopped repository says so instead of losing the state");
    }
}
