package io.camelwechat.benchmarks.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts what the component asks of the database: connections taken, statements prepared or
 * created, and among those the writes (INSERT, UPDATE, DELETE). The proof that a path does not touch the database is
 * that these counts do not move while it runs. Thread-safe; counting costs a {@link LongAdder} increment.
 */
public final class CountingDataSource implements DataSource {

    /** The counts at one moment. */
    public record Counts(long connections, long statements, long writes) {
        public Counts minus(Counts earlier) {
            return new Counts(connections - earlier.connections, statements - earlier.statements,
                    writes - earlier.writes);
        }
    }

    private final DataSource target;
    private final LongAdder connections = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder writes = new LongAdder();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    public DataSource target() {
        return target;
    }

    public Counts counts() {
        return new Counts(connections.sum(), statements.sum(), writes.sum());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(target.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        connections.increment();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                statements.increment();
                if (args != null && args.length > 0 && args[0] instanceof String sql && isWrite(sql)) {
                    writes.increment();
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                handler);
    }

    private static boolean isWrite(String sql) {
        String verb = sql.stripLeading().toUpperCase(Locale.ROOT);
        return verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("DELETE");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
