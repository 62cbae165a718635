// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC helpers the projection and the queries share: parameter binding, row mapping, and the one way to turn
 * a failed call into an exception ({@link #failure}).
 */
public final class Jdbc {

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** @param rs positioned on a row @return the value @throws SQLException on a driver error */
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * The exception to throw for a failed database call: a {@link DatabaseUnavailableException} when the database
     * cannot be reached right now (retrying later may succeed), an {@link IllegalStateException} otherwise.
     *
     * @param what what could not be done, e.g. "cannot read the unit"
     * @param e the driver's or the pool's exception
     * @return the exception, for the caller to throw
     */
    public static RuntimeException failure(final String what, final SQLException e) {
        return DatabaseUnavailableException.isUnavailable(e)
                ? new DatabaseUnavailableException(what + ": database unavailable: " + e.getMessage(), e)
                : new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    /**
     * @param c connection
     * @param sql statement with ? parameters
     * @param params parameters (Instant, LocalDate, Optional, Collection of String as text[] are understood)
     * @return rows changed
     * @throws SQLException on a driver error
     */
    public static int update(final Connection c, final String sql, final Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        }
    }

    /**
     * @param c connection
     * @param sql query
     * @param mapper row mapper
     * @param params parameters
     * @param <T> row type
     * @return every row
     * @throws SQLException on a driver error
     */
    public static <T> List<T> query(final Connection c, final String sql, final RowMapper<T> mapper,
            final Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                final List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * @param c connection
     * @param sql query
     * @param mapper row mapper
     * @param params parameters
     * @param <T> row type
     * @return the first row, if any
     * @throws SQLException on a driver error
     */
    public static <T> Optional<T> first(final Connection c, final String sql, final RowMapper<T> mapper,
            final Object... params) throws SQLException {
        final List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs one statement for many parameter rows in JDBC batches.
     *
     * @param c connection
     * @param sql statement
     * @param rows parameter rows
     * @throws SQLException on a driver error
     */
    public static void batch(final Connection c, final String sql, final Collection<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (final Object[] row : rows) {
                bind(c, ps, row);
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** @param rs row @param column column @return the instant or null @throws SQLException on a driver error */
    public static Instant instant(final ResultSet rs, final String column) throws SQLException {
        final Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** @param rs row @param column column @return the long or null @throws SQLException on a driver error */
    public static Long nullableLong(final ResultSet rs, final String column) throws SQLException {
        final long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void bind(final Connection c, final PreparedStatement ps, final Object... params)
            throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            final int index = i + 1;
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                ps.setTimestamp(index, Timestamp.from(instant));
            } else if (value instanceof LocalDate date) {
                ps.setObject(index, date);
            } else if (value instanceof BigDecimal decimal) {
                ps.setBigDecimal(index, decimal);
            } else if (value instanceof Collection<?> collection) {
                ps.setArray(index, c.createArrayOf("text", collection.toArray()));
            } else if (value instanceof Json json) {
                final org.postgresql.util.PGobject object = new org.postgresql.util.PGobject();
                object.setType("jsonb");
                object.setValue(json.text());
                ps.setObject(index, object);
            } else {
                ps.setObject(index, value);
            }
        }
    }

    /**
     * A JSON text bound as jsonb.
     *
     * @param text the JSON
     */
    public record Json(String text) {
    }
}
