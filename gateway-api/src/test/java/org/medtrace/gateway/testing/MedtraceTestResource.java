// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The Quarkus tests' environment: an empty database in the test run's one PostgreSQL (Flyway migrates it at boot)
 * and a fresh data directory under target/ for the embedded dev peer, its ledger and CA material.
 */
public class MedtraceTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        final String database = "gateway_" + System.currentTimeMillis();
        final String server = TestDatabase.serverUrl();
        try (Connection c = DriverManager.getConnection(server, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
        final Path data = Path.of("target", "test-data", "gateway-" + System.currentTimeMillis()).toAbsolutePath();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.replaceFirst("/postgres(\\?|$)", "/" + database + "$1"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "medtrace.data-directory", data.toString());
    }

    @Override
    public void stop() {
        // the server stops with the JVM (its shutdown hook); the data stays under target/ for inspection
    }
}
