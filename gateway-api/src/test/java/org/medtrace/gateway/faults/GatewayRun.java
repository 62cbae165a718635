// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged gateway ({@code quarkus-run.jar}, the README's command) on the suite's data directory, as
 * the real process tree it makes: the JVM, the embedded PostgreSQL (detached from the JVM: pg_ctl starts it in a
 * session of its own) with its guardian, and the chaincode server with its wrapper. The process ids come from the
 * pid files the gateway writes.
 */
final class GatewayRun {

    /**
     * The processes of a run at one moment (0 where there is none).
     *
     * @param jvm the gateway's JVM
     * @param guardian the process that stops PostgreSQL if the JVM dies
     * @param postmaster PostgreSQL's postmaster
     * @param postgresChildren its backends and auxiliary processes
     * @param chaincodeWrapper the shell that stops the chaincode if the JVM dies
     * @param chaincode the chaincode server's JVM
     */
    record Tree(long jvm, long guardian, long postmaster, List<Long> postgresChildren, long chaincodeWrapper,
            long chaincode) {

        /** @return every process id of the tree */
        List<Long> all() {
            final List<Long> all = new ArrayList<>(List.of(jvm, guardian, postmaster, chaincodeWrapper, chaincode));
            all.addAll(postgresChildren);
            all.removeIf(pid -> pid <= 0);
            return all;
        }

        /** @return the ids of the tree's processes that still run */
        List<Long> stillRunning() {
            return all().stream().filter(GatewayRun::running).toList();
        }
    }

    private final Process process;
    private final Path data;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private GatewayRun(final Process process, final Path data, final Path log) {
        this.process = process;
        this.data = data;
        this.log = log;
    }

    static GatewayRun start(final Path jar, final Path data, final int port, final int number) throws IOException {
        return start(jar, data, port, number, List.of());
    }

    /**
     * @param jar quarkus-run.jar
     * @param data the data directory
     * @param port the HTTP port, the same for every run
     * @param number the run's number, which names its log
     * @param settings more {@code -Dkey=value} settings
     * @return the started run
     */
    static GatewayRun start(final Path jar, final Path data, final int port, final int number,
            final List<String> settings) throws IOException {
        Files.createDirectories(data);
        final Path log = data.resolveSibling("gateway-run-" + number + ".log");
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmedtrace.data-directory=" + data, "-Dquarkus.http.port=" + port));
        command.addAll(settings);
        command.addAll(List.of("-jar", jar.toString()));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new GatewayRun(process, data, log);
    }

    /**
     * @param http the suite's client
     * @param bound how long to wait at most
     * @return how long after the start of the JVM the readiness check answered 200
     */
    Duration awaitReady(final Http http, final Duration bound) throws InterruptedException {
        final long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            if (http.status("/q/health/ready") == 200) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the gateway was not ready within " + bound + "; see " + log);
    }

    Tree tree() {
        final long postmaster = firstNumber(data.resolve("postgres").resolve("postmaster.pid"), 0);
        final List<Long> children = postmaster > 0 && running(postmaster)
                ? ProcessHandle.of(postmaster).map(p -> p.children().map(ProcessHandle::pid).toList()).orElse(List.of())
                : List.of();
        final Path chaincode = data.resolve("ledger").resolve("logs").resolve("chaincode-traceability.pid");
        return new Tree(process.pid(), firstNumber(data.resolve("postgres").resolve("medtrace-guardian.pid"), 0),
                postmaster, children, firstNumber(chaincode, 0), firstNumber(chaincode, 1));
    }

    /** @return the client backends (sessions) of the run's PostgreSQL, by the title PostgreSQL gives them */
    List<Long> clientBackends() {
        return tree().postgresChildren().stream().filter(pid -> title(pid).startsWith("postgres: postgres ")).toList();
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    void kill() {
        process.destroyForcibly();
    }

    void terminate() {
        process.destroy();
    }

    boolean awaitExit(final Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return true if the process exists and has not ended (a zombie has ended) */
    static boolean running(final long pid) {
        try {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            final int end = stat.lastIndexOf(')');
            final char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a signal with kill(1): Java itself sends only SIGTERM and SIGKILL. */
    static void signal(final long pid, final String signal) {
        if (pid <= 1) {
            throw new AssertionError("no process to signal: " + pid); // kill(1) takes 0 and -1 as groups
        }
        try {
            final Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -s " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kill(1)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void kill9(final long pid) {
        if (pid > 1) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String title(final long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long firstNumber(final Path file, final int index) {
        try {
            final String[] numbers = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return numbers.length > index ? Long.parseLong(numbers[index]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
