// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's own embedded PostgreSQL, durable: fsync and synchronous_commit on (the embedded library's defaults
 * turn both off), data under target/. The rest of the environment is the telemetry tests'.
 */
public class BenchmarkTestResource implements QuarkusTestResourceLifecycleManager {

    private final TelemetryTestResource telemetry = new TelemetryTestResource();
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        final Map<String, String> properties = new HashMap<>(telemetry.start());
        // loggers' credentials cached as in production (the tests turn the cache off)
        properties.remove("medtrace.telemetry.ingest.credential-cache-seconds");
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Path.of("target", "test-data", "benchmark-" + System.currentTimeMillis())
                            .toAbsolutePath())
                    .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_wal_size", "4GB").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        return properties;
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        telemetry.stop();
    }
}
