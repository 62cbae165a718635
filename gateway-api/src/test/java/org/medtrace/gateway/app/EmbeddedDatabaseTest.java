// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL of the default run, as a real server: a postmaster killed with SIGKILL is restarted on the
 * same port with its data, and a server an earlier run left running on the data directory is stopped before the
 * start (the gateway's own kill -9 and restart is {@code FaultInjectionIT}'s).
 */
class EmbeddedDatabaseTest {

    @Test
    void a_postmaster_killed_with_sigkill_is_restarted_on_the_same_port_with_its_data() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(freshDirectory("restart"), false)) {
            execute(database.jdbcUrl(), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            final EmbeddedDatabase.Status before = database.status();
            final Instant killed = Instant.now();
            ProcessHandle.of(before.postmasterPid()).orElseThrow().destroyForcibly();

            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(() -> database.status().restarts() == 1
                            && database.status().state() == EmbeddedDatabase.State.RUNNING);
            final EmbeddedDatabase.Status after = database.status();
            System.out.printf("embedded PostgreSQL restarted %d ms after its SIGKILL (restart itself: %d ms)%n",
                    Duration.between(killed, Instant.now()).toMillis(), after.lastRestartMs());
            assertThat(after.port()).isEqualTo(before.port());
            assertThat(after.postmasterPid()).isNotEqualTo(before.postmasterPid());
            assertThat(after.alive(Instant.now())).isTrue();
            assertThat(query(database.jdbcUrl(), "SELECT id FROM kept")).isEqualTo(42);
        }
    }

    @Test
    void a_server_left_running_by_an_earlier_run_is_stopped_before_the_start() throws Exception {
        final Path directory = freshDirectory("leftover");
        final long leftover;
        final List<String> startAgain;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, false)) {
            execute(first.jdbcUrl(), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
            startAgain = commandLineOf(first.status().postmasterPid());
        }
        // An earlier run whose JVM died: its server runs on, and nothing in this JVM holds the directory.
        final Process orphan = new ProcessBuilder(startAgain).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(directory.resolve("postmaster.pid"))
                && Processes.isPostgresOf(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                .get(0).trim()), directory.toRealPath()));
        leftover = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());

        try (EmbeddedDatabase second = EmbeddedDatabase.start(directory, false)) {
            assertThat(Processes.running(leftover)).as("the earlier run's postmaster").isFalse();
            assertThat(second.status().postmasterPid()).isNotEqualTo(leftover);
            assertThat(query(second.jdbcUrl(), "SELECT id FROM kept")).isEqualTo(7);
        } finally {
            orphan.destroyForcibly();
        }
        assertThat(Processes.postgresOf(directory.toRealPath())).as("nothing runs after close").isEmpty();
    }

    @Test
    void a_directory_whose_server_a_live_process_runs_is_left_alone() throws Exception {
        final Path directory = freshDirectory("in-use");
        try (EmbeddedDatabase running = EmbeddedDatabase.start(directory, false)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another running process");
            assertThat(query(running.jdbcUrl(), "SELECT 1")).isEqualTo(1);
        }
    }

    /** The postmaster's own command line, to start it again the way a crashed run left it. */
    private static List<String> commandLineOf(final long pid) {
        final ProcessHandle.Info info = ProcessHandle.of(pid).orElseThrow().info();
        final List<String> line = new java.util.ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.add(info.command().orElseThrow());
        line.addAll(List.of(info.arguments().orElseThrow()));
        return line;
    }

    private static Path freshDirectory(final String name) throws Exception {
        final Path directory = Path.of("target", "test-data", "embedded-" + name + "-" + System.nanoTime())
                .toAbsolutePath();
        Files.createDirectories(directory);
        return directory.resolve("postgres");
    }

    private static void execute(final String url, final String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int query(final String url, final String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
