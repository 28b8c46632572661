package io.camelwechat.component.wechat.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table, shared by every node: what a category watcher last delivered
 * per account. The component uses one per watcher route (named after the route) when its {@code dataSource} option
 * is set and the watcher names no {@code stateRepository}; declare one yourself as a bean for any other use.
 * <p>
 * The rows of its {@code repository} are read once when it starts, so a poll reads memory, and every
 * {@link #setState} is written through; a value equal to the one held is not written again. Starting it again reads
 * the table afresh: the watcher stops and starts it with itself, so a node taking over the lead starts from what the
 * previous leader delivered, never from what it held before. Thread-safe.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private DataSource dataSource;
    private WeChatDatabase database;
    private String repository;
    private String tablePrefix = WeChatDatabase.DEFAULT_TABLE_PREFIX;
    private boolean createTables = true;
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private String table;

    /** For declaring it as a bean: set dataSource and repository (and tablePrefix, createTables) before it starts. */
    public JdbcStateRepository() {
    }

    /**
     * @param repository the name its rows are kept under, so that several repositories share one table
     */
    public JdbcStateRepository(DataSource dataSource, String repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    /** The component's own, on the database of its {@code dataSource} option (tables already created). */
    public JdbcStateRepository(WeChatDatabase database, String repository, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.createTables = false;
        this.clock = clock;
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
    }

    @Override
    protected void doStop() {
        held.clear(); // the table keeps it: the next start reads it afresh
    }

    @Override
    public String getState(String key) {
        return held.get(key);
    }

    @Override
    public void setState(String key, String value) {
        if (Objects.equals(held.get(key), value)) {
            return; // unchanged: no write
        }
        database.run("saving the state of " + key + " in " + repository, connection -> {
            database.upsert(connection,
                    "UPDATE " + table + " SET state_value = ?, updated_at = ? WHERE repository = ? AND state_key = ?",
                    "INSERT INTO " + table + " (state_value, updated_at, repository, state_key) VALUES (?, ?, ?, ?)",
                    value, clock.millis(), repository, key);
            return null;
        });
        held.put(key, value);
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
