// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What the embedded default needs to know about processes that are not its children: the embedded PostgreSQL
 * detaches from the JVM (pg_ctl starts it in a session of its own), so it and its backends can outlive the JVM that
 * started them. Whether one still runs (a zombie does not), its working directory and program, and signals. Linux
 * only, through {@code /proc} and {@code kill(1)}, as the embedded PostgreSQL binaries are.
 */
final class Processes {

    private static final Logger LOG = Logger.getLogger(Processes.class.getName());
    private static final Path PROC = Path.of("/proc");
    private static final long POLL_MS = 50;
    private static final long KILL_COMMAND_SECONDS = 5;

    private Processes() {
    }

    /**
     * @param pid a process id
     * @return true if the process exists and has not ended; a zombie (ended, not yet reaped by its parent) has ended
     */
    static boolean running(final long pid) {
        if (pid <= 0) {
            return false;
        }
        final Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        if (!Files.isDirectory(PROC)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            // "pid (comm) S ...": the state follows the last ')', as comm may itself hold ')'.
            final String text = Files.readString(stat, StandardCharsets.UTF_8);
            final int end = text.lastIndexOf(')');
            final char state = end > 0 && end + 2 < text.length() ? text.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false; // gone between the check and the read, or never there
        }
    }

    /** @param pid a process id @return its working directory, resolved, if it runs and may be inspected */
    static Optional<Path> workingDirectory(final long pid) {
        try {
            return Optional.of(PROC.resolve(Long.toString(pid)).resolve("cwd").toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** @param pid a process id @return the absolute path of its executable, if it runs and may be inspected */
    static Optional<Path> program(final long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).map(Path::of);
    }

    /**
     * @param pid a process id
     * @param directory a PostgreSQL data directory, resolved
     * @return true if the process is a running PostgreSQL process (postmaster or backend) of that data directory:
     *     its program is {@code postgres} and its working directory is the data directory (PostgreSQL changes into
     *     it at start, and every backend inherits it)
     */
    static boolean isPostgresOf(final long pid, final Path directory) {
        // the cheapest test first: postgresOf asks this of every process of the machine
        return workingDirectory(pid).map(directory::equals).orElse(false)
                && program(pid).map(p -> p.getFileName().toString().equals("postgres")).orElse(false) && running(pid);
    }

    /**
     * @param directory a PostgreSQL data directory, resolved
     * @return every running PostgreSQL process of that data directory
     */
    static List<Long> postgresOf(final Path directory) {
        final List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).filter(pid -> isPostgresOf(pid, directory))
                .forEach(found::add);
        return found;
    }

    /**
     * Sends a signal with {@code kill(1)}: Java itself can send only SIGTERM and SIGKILL.
     *
     * @param pid the process
     * @param signal the signal's name, e.g. {@code INT}
     * @return true if it was sent
     */
    static boolean signal(final long pid, final String signal) {
        try {
            final Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(KILL_COMMAND_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            LOG.warning(() -> "cannot run kill(1) for process " + pid + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until none of the processes runs.
     *
     * @param pids the processes
     * @param bound how long to wait at most
     * @return true if all have ended
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean awaitEnded(final Collection<Long> pids, final Duration bound) throws InterruptedException {
        final long deadline = System.nanoTime() + bound.toNanos();
        while (pids.stream().anyMatch(Processes::running)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }

    /**
     * Asks processes to stop with a signal (and SIGCONT, in case one is paused), waits up to a bound, then kills
     * whichever still runs with SIGKILL and waits for those too.
     *
     * @param pids the processes
     * @param signal the polite signal, e.g. {@code INT}
     * @param bound how long they get to stop by themselves
     * @return true if every process ended by itself; false if some had to be killed
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean stop(final Collection<Long> pids, final String signal, final Duration bound)
            throws InterruptedException {
        for (final long pid : pids) {
            signal(pid, signal);
            signal(pid, "CONT");
        }
        if (awaitEnded(pids, bound)) {
            return true;
        }
        for (final long pid : pids) {
            if (running(pid)) {
                LOG.warning(() -> "process " + pid + " did not stop within " + bound + " after SIG" + signal
                        + "; killing it");
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        awaitEnded(pids, Duration.ofSeconds(KILL_COMMAND_SECONDS));
        return false;
    }
}
