// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.medtrace.devpeer.identity.Crypto;

/**
 * A chaincode jar run as a child process in chaincode-as-a-service mode. A small shell wrapper stops the chaincode
 * when the peer's process disappears, so a peer killed with SIGKILL leaves no orphan behind for long. The wrapper
 * writes its own and the chaincode's process ids to {@code chaincode-<name>.pid} beside the log: before it launches
 * the chaincode, the peer stops whatever an earlier run left there (wrapper and chaincode killed with the peer's
 * whole process group, say), after checking that it is that chaincode.
 */
final class ChaincodeProcess {
    private static final Logger LOG = Logger.getLogger(ChaincodeProcess.class.getName());
    /**
     * Writes "wrapper-pid chaincode-pid" to the pid file (argument 3), watches the peer (argument 2) and the
     * chaincode, and stops the chaincode when either is gone.
     */
    private static final String WRAPPER = "\"$1\" -jar \"$0\" & cc=$!; echo \"$$ $cc\" > \"$3\"; "
            + "trap 'kill $cc 2>/dev/null; exit 0' TERM INT; "
            + "while kill -0 \"$2\" 2>/dev/null && kill -0 $cc 2>/dev/null; do sleep 1; done; "
            + "kill $cc 2>/dev/null; wait $cc";
    /** How long a leftover chaincode gets to stop after SIGTERM before SIGKILL. */
    private static final long LEFTOVER_STOP_SECONDS = 5;

    private final String name;
    private final Path jar;
    private final Path logFile;
    private final Path pidFile;
    private final Map<String, String> environment;
    private final String packageId;
    private Process process;
    private String address;

    private ChaincodeProcess(final String name, final Path jar, final Path logFile,
            final Map<String, String> environment, final String packageId) {
        this.name = name;
        this.jar = jar;
        this.logFile = logFile;
        this.pidFile = logFile.resolveSibling("chaincode-" + name + ".pid");
        this.environment = Map.copyOf(environment);
        this.packageId = packageId;
    }

    static ChaincodeProcess forJar(final String name, final Path jar, final Path logDirectory,
            final Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("chaincode jar not found: " + jar);
        }
        return new ChaincodeProcess(name, jar.toAbsolutePath(), logDirectory.resolve("chaincode-" + name + ".log"),
                environment, name + ":" + sha256Hex(jar));
    }

    /** The package id, {@code <name>:<sha256 of the jar>}, as Fabric derives one from the package's hash. */
    String packageId() {
        return packageId;
    }

    /** Starts the process unless it is running; returns the address its server listens on. */
    synchronized String start() {
        if (process != null && process.isAlive()) {
            return address;
        }
        stopRecorded(true);
        final int port = freePort();
        address = "127.0.0.1:" + port;
        final String java = ProcessHandle.current().info().command().orElse("java");
        final ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", WRAPPER, jar.toString(), java,
                Long.toString(ProcessHandle.current().pid()), pidFile.toString()));
        // The shim logs every invocation at INFO, which costs more than a simple transaction; an operator who wants
        // those logs sets the variables in the peer's environment.
        builder.environment().putIfAbsent("CORE_CHAINCODE_LOGGING_LEVEL", "WARNING");
        builder.environment().putIfAbsent("CORE_CHAINCODE_LOGGING_SHIM", "WARNING");
        builder.environment().putAll(environment);
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", address);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", packageId);
        builder.environment().put("CORE_PEER_TLS_ENABLED", "false");
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(logFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot launch chaincode " + name, e);
        }
        LOG.info(() -> "launched chaincode " + packageId + " at " + address + ", output in " + logFile);
        return address;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        stopRecorded(false); // a chaincode whose wrapper was killed is no descendant any more
    }

    /**
     * Stops the processes the pid file names, if they still run and are this chaincode's wrapper or server (their
     * arguments name this jar): a pid the system has given to another program since is left alone.
     *
     * @param earlierRun true before a launch: what still runs was left by an earlier run (a warning says so); false
     *     when stopping: what still runs is this run's chaincode, finishing its shutdown
     */
    synchronized void stopRecorded(final boolean earlierRun) {
        final List<ProcessHandle> leftovers = new ArrayList<>();
        try {
            if (Files.isRegularFile(pidFile)) {
                for (final String pid : Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+")) {
                    if (pid.matches("\\d{1,10}")) {
                        ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                                .filter(this::runsThisJar).ifPresent(leftovers::add);
                    }
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
        if (leftovers.isEmpty()) {
            return;
        }
        if (earlierRun) {
            LOG.warning(() -> "chaincode " + name + " processes " + leftovers.stream().map(ProcessHandle::pid)
                    .toList() + " of an earlier run still run; stopping them");
        }
        leftovers.forEach(ProcessHandle::destroy);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEFTOVER_STOP_SECONDS);
        for (final ProcessHandle leftover : leftovers) {
            try {
                leftover.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (final java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                leftover.destroyForcibly();
            } catch (final InterruptedException e) {
                leftover.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean runsThisJar(final ProcessHandle handle) {
        return handle.info().arguments().map(arguments -> List.of(arguments).contains(jar.toString()))
                .orElse(false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static String sha256Hex(final Path file) {
        final MessageDigest digest = Crypto.newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            final byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read chaincode jar " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
