// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The benchmark's CPU accounting, steadier than throughput on a shared machine: CPU time of this JVM, of the threads
 * that play the loggers, and of the PostgreSQL server's processes (from Linux's /proc: the postmaster with the
 * children it reaped, and its live children; elsewhere -1).
 */
final class CpuMeter {

    /** Linux's clock ticks per second for /proc's CPU times (USER_HZ, 100 on every mainstream platform). */
    private static final long TICK_NANOS = 10_000_000L;

    /** A reading of the meter, in nanoseconds. */
    record Sample(long jvm, long loggers, long postgres) {
        Sample minus(final Sample earlier) {
            return new Sample(jvm - earlier.jvm, loggers - earlier.loggers,
                    postgres < 0 || earlier.postgres < 0 ? -1 : postgres - earlier.postgres);
        }

        /** @return "gateway a, loggers b, PostgreSQL c" in ms of CPU per {@code per} of {@code count} */
        String per(final long count, final long per) {
            final double f = (double) per / count / 1e6;
            return String.format(java.util.Locale.ROOT, "gateway JVM %.1f ms, loggers' client %.1f ms, PostgreSQL %s",
                    (jvm - loggers) * f, loggers * f, postgres < 0 ? "n/a" : String.format(java.util.Locale.ROOT,
                            "%.1f ms", postgres * f));
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> loggerThreads = ConcurrentHashMap.newKeySet();
    private final long postmaster;

    /** @param postgresBackendPid the pid of a backend of the server ({@code pg_backend_pid()}) */
    CpuMeter(final int postgresBackendPid) {
        this.postmaster = parent(postgresBackendPid);
    }

    /** Counts the calling thread as one that plays the loggers (it must live as long as the meter is read). */
    void loggerThread() {
        loggerThreads.add(Thread.currentThread().getId());
    }

    synchronized Sample sample() {
        final long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(jvm, loggerThreadsNanos(), postgres());
    }

    private long loggerThreadsNanos() {
        long sum = 0;
        for (final long id : loggerThreads) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private long postgres() {
        if (postmaster <= 0) {
            return -1;
        }
        final List<String> own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        long ticks = field(own, 14) + field(own, 15) + field(own, 16) + field(own, 17);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (final Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                final List<String> s = stat(Long.parseLong(p.getFileName().toString()));
                if (s != null && field(s, 4) == postmaster) {
                    ticks += field(s, 14) + field(s, 15);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * TICK_NANOS;
    }

    private static long parent(final long pid) {
        final List<String> s = stat(pid);
        return s == null ? -1 : field(s, 4);
    }

    /** @return the fields of /proc/pid/stat from the third (state) on, or null */
    private static List<String> stat(final long pid) {
        try {
            final String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return List.of(text.substring(text.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @return field n (1-based, as proc(5) numbers them) */
    private static long field(final List<String> fromThird, final int n) {
        return Long.parseLong(fromThird.get(n - 3));
    }
}
