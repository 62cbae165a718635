// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged gateway ({@code quarkus-run.jar}, failsafe passes its path as {@code gateway.jar}) as a child process,
 * on its own data directory and an ephemeral HTTP port, for the tests of the packaged application ({@code *IT}).
 */
public final class PackagedGateway {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long START_SECONDS_MAX = 180;

    private final Process process;
    private final Path data;
    private final Path log;
    private final int port;

    private PackagedGateway(final Process process, final Path data, final Path log, final int port) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    /**
     * A fresh data directory under {@code target/test-data}.
     *
     * @param name what it is for
     * @return its absolute path (not created yet)
     */
    public static Path freshDataDirectory(final String name) {
        return Path.of("target", "test-data", name + "-" + System.currentTimeMillis()).toAbsolutePath();
    }

    /**
     * Starts the gateway and waits until it is ready ({@code /q/health/ready} answers 200).
     *
     * @param data its data directory
     * @param properties more {@code -Dkey=value} settings
     * @return the running gateway
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if it exits or does not become ready within 180 s (naming its log)
     */
    public static PackagedGateway start(final Path data, final String... properties)
            throws IOException, InterruptedException {
        final Path log = logOf(data);
        final Process process = launch(data, log, properties);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS_MAX);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited; see " + log);
            }
            final Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                final PackagedGateway gateway = new PackagedGateway(process, data, log, Integer.parseInt(m.group(1)));
                gateway.awaitReady(deadline);
                return gateway;
            }
            Thread.sleep(200);
        }
        new PackagedGateway(process, data, log, -1).kill();
        throw new IllegalStateException("the gateway did not start within " + START_SECONDS_MAX + " s; see " + log);
    }

    /**
     * Runs the gateway expecting it to stop by itself (a start it refuses), and kills what is left after 180 s.
     *
     * @param data its data directory
     * @param properties more {@code -Dkey=value} settings
     * @return its exit code and everything it logged
     * @throws IOException if the process cannot be started or its log read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Exit runUntilExit(final Path data, final String... properties)
            throws IOException, InterruptedException {
        final Path log = logOf(data);
        final Process process = launch(data, log, properties);
        final boolean exited = process.waitFor(START_SECONDS_MAX, TimeUnit.SECONDS);
        new PackagedGateway(process, data, log, -1).kill();
        return new Exit(exited ? process.exitValue() : null, Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * How a gateway run ended.
     *
     * @param code its exit code; null if it was still running after 180 s and was killed
     * @param log everything it logged
     */
    public record Exit(Integer code, String log) {
    }

    private static Path logOf(final Path data) throws IOException {
        Files.createDirectories(data);
        return data.resolveSibling(data.getFileName() + "-" + System.nanoTime() + ".log");
    }

    private static Process launch(final Path data, final Path log, final String... properties) throws IOException {
        final Path jar = Path.of(System.getProperty("gateway.jar", "target/quarkus-app/quarkus-run.jar"));
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dmedtrace.data-directory=" + data, "-Dquarkus.http.port=0"));
        for (final String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the gateway answers its readiness check (the first connections may come before it serves). */
    private void awaitReady(final long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            try {
                final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                if (HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not serving yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gateway did not become ready; see " + log);
    }

    /** @return the port it listens on (loopback) */
    public int port() {
        return port;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** @return its log file */
    public Path log() {
        return log;
    }

    /**
     * SIGKILL to the gateway, its child processes and its embedded PostgreSQL (which pg_ctl detached): a machine or
     * container dying.
     *
     * @throws IOException if the PostgreSQL pid file cannot be read
     * @throws InterruptedException if interrupted while waiting for the processes to end
     */
    public void kill() throws IOException, InterruptedException {
        final Path pid = data.resolve("postgres").resolve("postmaster.pid");
        final long postgres = Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).get(0).trim()) : -1;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        if (postgres > 0) {
            ProcessHandle.of(postgres).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    /**
     * SIGTERM, so that the gateway shuts down as an operator stops it (its embedded PostgreSQL with it), then
     * {@link #kill()} whatever is left after 60 s.
     *
     * @throws IOException if the PostgreSQL pid file cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public void stop() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
        kill();
    }
}
