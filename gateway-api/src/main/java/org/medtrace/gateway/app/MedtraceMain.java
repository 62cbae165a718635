// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Entry point of {@code quarkus-run.jar}. Without a configured {@code quarkus.datasource.jdbc.url} it first starts an
 * embedded PostgreSQL under {@code <medtrace.data-directory>/postgres}: the datasource is fixed when Quarkus boots, so
 * the server has to be up before; it is restarted if it dies and stops after the application at JVM exit
 * ({@link EmbeddedDatabase}).
 */
@QuarkusMain
public final class MedtraceMain {

    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String DATA_DIRECTORY = "medtrace.data-directory";
    /**
     * How long PostgreSQL waits for the application to stop at JVM exit: quarkus.shutdown.timeout (the drain of
     * requests in flight) plus the closing of the projection, the ledger client and the dev peer.
     */
    private static final Duration APPLICATION_STOP_MAX = Duration.ofSeconds(90);

    MedtraceMain() {
    }

    /**
     * Starts the gateway.
     *
     * @param args passed to Quarkus
     * @throws IOException if the embedded database cannot be started
     */
    public static void main(final String... args) throws IOException {
        if (setting(JDBC_URL).isEmpty()) {
            final Path directory = Path.of(setting(DATA_DIRECTORY).orElse("data")).resolve("postgres")
                    .toAbsolutePath();
            final EmbeddedDatabase database = EmbeddedDatabase.start(directory, true);
            // At JVM exit (SIGTERM): Quarkus stops taking requests, drains those in flight, stops the projection and
            // closes the ledger client and the dev peer; PostgreSQL stops after all of that.
            database.stopAfter(MedtraceMain::awaitApplicationStopped);
            database.datasourceProperties().forEach(System::setProperty);
        }
        Quarkus.run(args);
    }

    /** Waits, within a bound, until the Quarkus application has stopped (or at once if it never started). */
    static void awaitApplicationStopped() {
        final Application application = Application.currentApplication();
        if (application == null) {
            return;
        }
        final Thread waiter = new Thread(application::awaitShutdown, "medtrace-await-application-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(APPLICATION_STOP_MAX.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads a key the way Quarkus would, as far as it matters before boot: system property, environment variable,
     * the files named by quarkus.config.locations, then application.properties on the class path.
     */
    static Optional<String> setting(final String key) {
        final String fromProperty = System.getProperty(key);
        if (fromProperty != null) {
            return Optional.of(fromProperty);
        }
        final String envName = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        final String fromEnv = System.getenv(envName);
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        final String locations = Optional.ofNullable(System.getProperty("quarkus.config.locations"))
                .orElse(Optional.ofNullable(System.getenv("QUARKUS_CONFIG_LOCATIONS")).orElse(""));
        for (final String location : locations.split(",")) {
            if (!location.isBlank()) {
                final Optional<String> value = fromFile(Path.of(location.trim()), key);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return fromClassPath(key);
    }

    private static Optional<String> fromFile(final Path file, final String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final Properties properties = new Properties();
            properties.load(reader);
            return Optional.ofNullable(properties.getProperty(key));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration file " + file, e);
        }
    }

    private static Optional<String> fromClassPath(final String key) {
        try (InputStream in = MedtraceMain.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            final Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(key));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties", e);
        }
    }
}
