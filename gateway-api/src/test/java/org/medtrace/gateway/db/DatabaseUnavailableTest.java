// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.TestDatabase;

/**
 * Which database failures are an outage (retry later: 503) and which are not, from the real driver, the real pool
 * and a real PostgreSQL: a refused connection, a session the server ended, a pool with no free connection, against
 * a bad query and a violated constraint.
 */
class DatabaseUnavailableTest {

    @Test
    void a_refused_connection_is_an_outage() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        final SQLException refused = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", "postgres", "postgres"));
        assertThat(DatabaseUnavailableException.isUnavailable(refused)).as(refused.getSQLState()).isTrue();
        assertThat(Jdbc.failure("cannot read", refused)).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot read: database unavailable");
    }

    @Test
    void a_session_the_server_terminated_is_an_outage_and_so_is_every_later_use_of_its_connection() throws Exception {
        final DataSource database = TestDatabase.freshDatabase("terminated");
        try (Connection victim = database.getConnection(); Connection admin = database.getConnection();
                Statement s = admin.createStatement()) {
            final int pid = ((org.postgresql.PGConnection) victim.unwrap(org.postgresql.PGConnection.class))
                    .getBackendPID();
            // what a fast shutdown or a crash of another backend does to every session
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
            final SQLException ended = catchThrowableOfType(SQLException.class,
                    () -> victim.createStatement().execute("SELECT 1"));
            assertThat(DatabaseUnavailableException.isUnavailable(ended)).as(ended.getSQLState()).isTrue();
            final SQLException closed = catchThrowableOfType(SQLException.class,
                    () -> victim.createStatement().execute("SELECT 1"));
            assertThat(DatabaseUnavailableException.isUnavailable(closed)).as(closed.getSQLState()).isTrue();
        }
    }

    @Test
    void a_pool_without_a_free_connection_within_its_acquisition_timeout_is_an_outage() throws Exception {
        final String url = TestDatabase.urlOf(TestDatabase.freshDatabase("pool"));
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(1).acquisitionTimeout(Duration.ofMillis(200))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(url)
                                .principal(new NamePrincipal("postgres")).credential(new SimplePassword("postgres")))));
                Connection held = pool.getConnection()) {
            final SQLException timeout = catchThrowableOfType(SQLException.class, pool::getConnection);
            assertThat(DatabaseUnavailableException.isUnavailable(timeout)).as(timeout.getMessage()).isTrue();
            assertThat(held.isValid(1)).isTrue();
        }
    }

    @Test
    void a_bad_query_or_a_violated_constraint_is_not_an_outage() throws Exception {
        final DataSource database = TestDatabase.freshDatabase("bad");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            final SQLException syntax = catchThrowableOfType(SQLException.class, () -> s.execute("SELEC 1"));
            assertThat(DatabaseUnavailableException.isUnavailable(syntax)).isFalse();
            s.execute("CREATE TABLE once (id int PRIMARY KEY); INSERT INTO once VALUES (1)");
            final SQLException duplicate = catchThrowableOfType(SQLException.class,
                    () -> s.execute("INSERT INTO once VALUES (1)"));
            assertThat(DatabaseUnavailableException.isUnavailable(duplicate)).isFalse();
            assertThat(Jdbc.failure("cannot insert", duplicate)).isInstanceOf(IllegalStateException.class);
            assertThat(DatabaseUnavailableException.findIn(new IllegalStateException("wrapped", duplicate))).isEmpty();
        }
    }

    @Test
    void an_outage_is_found_under_whatever_wrapped_it() {
        final SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailableException.findIn(new IllegalStateException("read model query failed",
                new RuntimeException(lost)))).get().extracting(Throwable::getCause).isSameAs(lost);
        assertThat(DatabaseUnavailableException.findIn(new IllegalStateException("no database here"))).isEmpty();
        assertThat(DatabaseUnavailableException.findIn(null)).isEmpty();
    }
}
