package io.camelwechat.component.wechat.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.WeChatDatabaseException;
import org.apache.camel.util.URISupport;

/**
 * The database of the component's shared state: its data source, the prefix of its tables, the schema, and the one
 * way statements are run (each failure a {@link WeChatDatabaseException} naming the data source, never its
 * credentials). Thread-safe; the data source is expected to pool connections.
 */
public final class WeChatDatabase {

    /** The DDL shipped in the jar, for teams that manage schemas themselves; its tables use the default prefix. */
    public static final String SCHEMA_RESOURCE = "io/camelwechat/component/wechat/jdbc/wechat-schema.sql";
    public static final String DEFAULT_TABLE_PREFIX = "wechat_";
    /** How often one CREATE TABLE is tried when another node creates the same table at the same moment. */
    private static final int CREATE_ATTEMPTS = 3;
    /** What a CREATE that lost to another node's answers besides a duplicate key: the row type, the table exists. */
    private static final Set<String> CREATED_CONCURRENTLY = Set.of("42710", "42P07", "42S01");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    /** Hears how the database does: lock waits and failures, for metrics. Called on the working thread. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** A node waited this long for a token row's lock (another node's fetch). */
        default void lockWaited(long nanos) {
        }

        /** A statement or a connection failed. */
        default void failed(String what) {
        }
    }

    private final DataSource dataSource;
    private final String prefix;
    private final String name;
    private volatile Listener listener = Listener.NONE;

    /**
     * @param tablePrefix what every table name starts with (letters, digits and _, at most 32)
     * @throws IllegalArgumentException naming tablePrefix when it is not a plain SQL identifier
     */
    public WeChatDatabase(DataSource dataSource, String tablePrefix) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource must be set");
        }
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be a letter followed by letters, digits or _, at "
                                               + "most 32 characters (like wechat_), got '" + tablePrefix + "'");
        }
        this.dataSource = dataSource;
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
        this.name = describe(dataSource);
    }

    public void listen(Listener listener) {
        this.listener = listener;
    }

    Listener listener() {
        return listener;
    }

    /** The table's name with the configured prefix, for example {@code wechat_access_token}. */
    public String table(String unprefixed) {
        return prefix + unprefixed;
    }

    /** The data source as messages name it: its class and, when it tells, its JDBC URL with credentials masked. */
    public String name() {
        return name;
    }

    /**
     * Creates the tables that are missing (CREATE TABLE IF NOT EXISTS): safe on every start of every node, also when
     * nodes start together on an empty database (see {@link #createIfMissing}).
     */
    public void createTables() {
        String schema = schema().replace(DEFAULT_TABLE_PREFIX, prefix);
        run("creating its tables", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!ddl.isBlank()) {
                        createIfMissing(statement, ddl.strip());
                    }
                }
            }
            return null;
        });
    }

    /**
     * Runs one CREATE ... IF NOT EXISTS, also when other nodes run it at the same moment. On PostgreSQL the
     * statement is not safe against the same one of another node: the loser fails on a catalog unique index
     * (SQLState 23505), on the table's row type (42710) or finds the table created after all (42P07, MySQL 42S01).
     * Run again, it finds the table there.
     */
    public static void createIfMissing(Statement statement, String ddl) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                statement.execute(ddl);
                return;
            } catch (SQLException e) {
                boolean lost = isDuplicateKey(e) || CREATED_CONCURRENTLY.contains(e.getSQLState());
                if (!lost || attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The schema as shipped, with the default prefix. */
    public static String schema() {
        try (InputStream in = WeChatDatabase.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** Work on one connection of the pool, in auto-commit mode unless the work changes that. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs work on a connection from the pool.
     *
     * @param what what it does, for the message: "reading the verify ticket of wx123"
     * @throws WeChatDatabaseException if the database cannot be reached or a statement fails
     */
    public <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** An update, else an insert; a concurrent insert of the same key makes it an update after all. */
    public void upsert(Connection connection, String update, String insert, Object... parameters)
            throws SQLException {
        if (execute(connection, update, parameters) == 0) {
            insertOrUpdate(connection, insert, update, parameters);
        }
    }

    /** An insert, else (the row is there already) an update: for a row that is most likely new. */
    public void insertOrUpdate(Connection connection, String insert, String update, Object... parameters)
            throws SQLException {
        try {
            execute(connection, insert, parameters);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            execute(connection, update, parameters);
        }
    }

    /** Runs work as one transaction on the connection: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.on(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        // after the commit, not in a finally: a failure here must not hide the one that rolled back
        connection.setAutoCommit(true);
        return result;
    }

    /** Runs an INSERT, UPDATE or DELETE with its parameters (in order); returns the rows it changed. */
    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** SQL state class 23, integrity constraint violation: the row is there already. */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    public WeChatDatabaseException failure(String what, SQLException e) {
        listener.failed(what);
        return new WeChatDatabaseException(what, name, e);
    }

    private static String describe(DataSource dataSource) {
        String url = null;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            // unreachable now: named by its class until it answers
        }
        String type = dataSource.getClass().getSimpleName();
        return url == null ? type : type + " " + URISupport.sanitizeUri(url.replaceAll("//[^/@]*@", "//***@"));
    }
}
