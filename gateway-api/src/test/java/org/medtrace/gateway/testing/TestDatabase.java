// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.medtrace.gateway.app.EmbeddedDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL per test JVM, shared by the plain read-model tests and the Quarkus tests; each user gets its
 * own database in it. The server's URL is kept in a system property because Quarkus tests load this class again in
 * their own class loader.
 */
public final class TestDatabase {

    private static final String URL_PROPERTY = "gateway.test.postgres-url";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabase() {
    }

    /** @return the JDBC URL of the server's {@code postgres} database, starting the server on first use */
    public static synchronized String serverUrl() {
        final String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        try {
            final Path directory = Path.of("target", "test-data", "postgres-" + ProcessHandle.current().pid());
            final EmbeddedDatabase database = EmbeddedDatabase.start(directory.toAbsolutePath(), false);
            System.setProperty(URL_PROPERTY, database.jdbcUrl());
            return database.jdbcUrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a fresh, migrated database.
     *
     * @param name a readable name part
     * @return its data source
     */
    public static DataSource freshDatabase(final String name) {
        final String database = (name + "_" + DATABASES.incrementAndGet() + "_" + System.nanoTime() % 100_000)
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(serverUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        final PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(serverUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1"));
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /**
     * @param dataSource a test database
     * @return its JDBC URL
     */
    public static String urlOf(final DataSource dataSource) {
        return ((PGSimpleDataSource) dataSource).getUrl();
    }
}
