package io.camelwechat.component.wechat.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link StateRepository} in a database table, shared by every node: what a category watcher last delivered
 * per account. The component uses one per watcher route (named after the route) when its {@code dataSource} option
 * is set and the watcher names no {@code stateRepository}; declare one yourself as a bean for any other use.
 * <p>
 * The rows of its {@code repository} are read once when it starts, so a poll reads memory, and every
 * {@link #setState} is written through; a value equal to the one held is not written again. Starting it again reads
 * the table afresh: the watcher stops and starts it with itself, so a node taking over the lead starts from what the
 * previous leader delivered, never from what it held before. Thread-safe.
 * <p>
 * The component's own (one per watcher) writes behind: {@link #setState} holds the value and hands the row to a
 * writer thread, which writes the rows in order and in batches, so that a watcher delivering thousands of changes in
 * a poll does not wait for a database round trip after each (written through one by one, 10,000 changes took 1.5x
 * the cycle of in-memory state). The watcher calls {@link #flush} before it delivers a change and before its poll
 * ends: a change is in the table before the next one is delivered (a crash delivers at most one change twice, as
 * when writing through), the first sights of accounts, which deliver nothing, go in batches, and one that could not
 * be written is held again as the table has it, so that its change is delivered again.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);

    private DataSource dataSource;
    private WeChatDatabase database;
    private String repository;
    private String tablePrefix = WeChatDatabase.DEFAULT_TABLE_PREFIX;
    private boolean createTables = true;
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private String table;
    private final boolean writeBehind;
    private volatile StateRowWriter rows;

    /** For declaring it as a bean: set dataSource and repository (and tablePrefix, createTables) before it starts. */
    public JdbcStateRepository() {
        this.writeBehind = false;
    }

    /**
     * @param repository the name its rows are kept under, so that several repositories share one table
     */
    public JdbcStateRepository(DataSource dataSource, String repository) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.writeBehind = false;
    }

    /**
     * The component's own, on the database of its {@code dataSource} option (tables already created), writing
     * behind: its user calls {@link #flush}.
     */
    public JdbcStateRepository(WeChatDatabase database, String repository, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.createTables = false;
        this.clock = clock;
        this.writeBehind = true;
    }

    @Override
    protected void doStart() {
        if (repository == null || repository.isBlank()) {
            throw new IllegalArgumentException("JdbcStateRepository needs its repository name");
        }
        if (database == null) {
            database = new WeChatDatabase(dataSource, tablePrefix);
            if (createTables) {
                database.createTables();
            }
        }
        table = database.table("watcher_state");
        held.clear();
        held.putAll(database.run("reading the state of " + repository, connection -> {
            Map<String, String> rows = new ConcurrentHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT state_key, state_value FROM " + table
                                                                        + " WHERE repository = ?")) {
                select.setString(1, repository);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.put(row.getString(1), row.getString(2));
                    }
                }
            }
            return rows;
        }));
        rows = new StateRowWriter(database, table, repository, clock, writeBehind);
    }

    @Override
    protected void doStop() {
        StateRowWriter stopping = rows;
        if (stopping != null) {
            flush().forEach((key, error) -> LOG.warn("The state of {} in {} was not written before the stop; its "
                                                     + "change is delivered again: {}", key, repository, error));
            rows = null;
            stopping.close();
        }
        held.clear(); // the table keeps it: the next start reads it afresh
    }

    @Override
    public String getState(String key) {
        return held.get(key);
    }

    @Override
    public void setState(String key, String value) {
        String previous = held.get(key);
        if (Objects.equals(previous, value)) {
            return; // unchanged: no write
        }
        StateRowWriter writer = rows;
        if (writer == null) {
            throw new IllegalStateException("the state repository " + repository + " is stopped: the state of " + key
                                            + " is not saved");
        }
        if (!writeBehind) {
            writer.write(key, value, previous);
            held.put(key, value);
            return;
        }
        held.put(key, value);
        writer.writeBehind(key, value, previous);
    }

    /**
     * Waits until every state handed to {@link #setState} so far is written. Only the repository the component
     * creates for a watcher writes behind; one declared as a bean writes at once, and this returns nothing for it. A
     * key whose write failed is held again with the value the table has, so that its change is delivered again;
     * call it where no {@link #setState} runs at the same time.
     *
     * @return the keys that could not be written, each with why
     */
    public Map<String, String> flush() {
        StateRowWriter writer = rows;
        if (!writeBehind || writer == null) {
            return Map.of();
        }
        Map<String, String> failed = new LinkedHashMap<>();
        writer.flush().forEach((key, unwritten) -> {
            if (unwritten.stored() == null) {
                held.remove(key);
            } else {
                held.put(key, unwritten.stored());
            }
            failed.put(key, unwritten.error());
        });
        return failed;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public boolean isCreateTables() {
        return createTables;
    }

    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }
}
