// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * The database cannot be reached right now: the connection was refused or lost, the server is shutting down,
 * restarting or recovering from a crash, or no pooled connection came free within the pool's acquisition timeout.
 * Nothing was done, and the same request may succeed a moment later: the REST edge answers
 * {@code 503 DATABASE_UNAVAILABLE} with {@code Retry-After}. Every other database failure (a bad query, a violated
 * constraint, bad data) is not this and stays an error of its own.
 *
 * <p>This class is the one place that tells the two apart ({@link #isUnavailable(SQLException)}).
 *
 * <pre>{@code
 * try (Connection c = dataSource.getConnection()) {
 *     ...
 * } catch (SQLException e) {
 *     throw Jdbc.failure("cannot read the unit", e); // DatabaseUnavailableException or IllegalStateException
 * }
 * }</pre>
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * SQLStates of a server that is going away or not there yet: admin_shutdown (fast shutdown), crash_shutdown
     * (another backend crashed, the server restarts), cannot_connect_now (starting up or recovering),
     * idle_session_timeout, too_many_connections. Class 08 (connection exception) is matched as a class.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "53300");

    /** Agroal's message when no connection came free within the acquisition timeout; it carries no SQLState. */
    private static final String POOL_ACQUISITION_TIMEOUT = "acquisition timeout";

    /** How deep a cause chain is searched: chains are short, and a cycle must not loop forever. */
    private static final int CAUSES_MAX = 16;

    /**
     * @param message what could not be done
     * @param cause the driver's or the pool's exception
     */
    public DatabaseUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /**
     * @param e a driver or pool exception
     * @return true if it says the database cannot be reached right now (see the class comment); false for a failure
     *     that retrying would not cure
     */
    public static boolean isUnavailable(final SQLException e) {
        SQLException current = e;
        for (int i = 0; current != null && i < CAUSES_MAX; i++) {
            if (unavailableItself(current)) {
                return true;
            }
            current = current.getNextException();
        }
        return false;
    }

    private static boolean unavailableItself(final SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException) {
            return true;
        }
        final String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        return e.getMessage() != null && e.getMessage().contains(POOL_ACQUISITION_TIMEOUT);
    }

    /**
     * Finds a database outage anywhere in a failure's cause chain, whoever wrapped it.
     *
     * @param failure any failure, or null
     * @return the outage: the {@code DatabaseUnavailableException} in the chain, or one made for an unavailable
     *     {@link SQLException} in it; empty if the failure is not a database outage
     */
    public static Optional<DatabaseUnavailableException> findIn(final Throwable failure) {
        Throwable current = failure;
        for (int i = 0; current != null && i < CAUSES_MAX; i++) {
            if (current instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (current instanceof SQLException sql && isUnavailable(sql)) {
                return Optional.of(new DatabaseUnavailableException("database unavailable: " + sql.getMessage(), sql));
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Optional.empty();
    }
}
