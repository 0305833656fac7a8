package org.camelevolink.component.cluster;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A node's way to the real database, which a test can cut and mend: while cut, no connection is given (as when the
 * network between one node and the database fails), so the node cannot renew its leases while the others can. It
 * can also make the node's saves slow (a {@code INSERT} statement prepared waits first), as a loaded database makes
 * them. With a {@link StatementCounter}, it counts the statements the node runs.
 */
final class CuttableDataSource implements DataSource {

    private final DataSource database;
    private final StatementCounter counter;
    private volatile boolean cut;
    private volatile long saveDelayMillis;

    CuttableDataSource(DataSource database) {
        this(database, null);
    }

    CuttableDataSource(DataSource database, StatementCounter counter) {
        this.database = database;
        this.counter = counter;
    }

    void cut() {
        cut = true;
    }

    void mend() {
        cut = false;
    }

    /** Every save prepared from now on first waits {@code delay}; zero ends it. */
    void slowSaves(Duration delay) {
        saveDelayMillis = delay.toMillis();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (cut) {
            throw new SQLException("Connection refused (the test cut this node off the database)", "08001");
        }
        Connection connection = database.getConnection();
        Connection slowed = saveDelayMillis == 0 ? connection : slowingSaves(connection);
        return counter == null ? slowed : counter.counting(slowed);
    }

    private Connection slowingSaves(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.startsWith("INSERT")) {
                        Thread.sleep(saveDelayMillis);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return database.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    @Override
    public String toString() {
        return "CuttableDataSource[" + database + "]";
    }
}
