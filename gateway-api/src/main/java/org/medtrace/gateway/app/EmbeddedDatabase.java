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
     * @param durable true to force every commit to disk ({@code fsync} and {@code synchronous_commit} on), as the
     *     embedded default must; false keeps the embedded library's defaults (both off: a commit survives a crash
     *     of PostgreSQL or of the JVM, not of the machine), which is enough for tests
     * @return the running server
     * @throws IOException if the server cannot be started
     */
    public static EmbeddedDatabase start(final Path directory, final boolean durable) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        final String onOff = durable ? "on" : "off";
        final EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "50")
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .start();
        LOG.info(() -> "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + ", data in " + directory
                + (durable ? "" : " (fsync off)"));
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
