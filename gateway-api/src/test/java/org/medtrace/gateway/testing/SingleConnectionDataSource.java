// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One open connection handed out again and again (its close is ignored): what a connection pool gives a
 * single-threaded caller, so a benchmark measures queries, not TCP connects. Not thread-safe.
 */
public final class SingleConnectionDataSource implements DataSource {

    private final Connection proxy;

    /**
     * @param connection the connection to share
     */
    public SingleConnectionDataSource(final Connection connection) {
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (target, method, args) -> {
                    if ("close".equals(method.getName())) {
                        if (!connection.getAutoCommit()) {
                            connection.setAutoCommit(true);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return proxy;
    }

    @Override
    public Connection getConnection(final String username, final String password) {
        return proxy;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(final PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(final int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(final Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(final Class<?> type) {
        return false;
    }
}
