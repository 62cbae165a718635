// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server started from Maven artifacts, its data under a directory that survives restarts. It is
 * started before Quarkus so that the datasource, Flyway and Hibernate find it at boot.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(final EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL with its cluster in {@code directory} (created and initialised on first use, reused after).
     *
     * @param directory the cluster's data directory
     * @return the running server
     * @throws IOException if the server cannot be started
     */
    public static EmbeddedDatabase start(final Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        final EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "50")
                .start();
        LOG.info(() -> "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + ", data in " + directory);
        return new EmbeddedDatabase(postgres);
    }

    /** @return the JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** @return the Quarkus datasource properties that point at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
