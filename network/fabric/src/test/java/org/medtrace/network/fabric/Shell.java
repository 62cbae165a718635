// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the module's shell scripts and tools as separate processes, as a user would. */
final class Shell {

    /** No script here runs longer than this without Fabric; a hang is a failure, not a wait. */
    private static final long TIMEOUT_SECONDS = 120;

    /** The caller's own Fabric or MedTrace settings must not leak into what a test runs. */
    private static final List<String> CLEARED_PREFIXES = List.of("MEDTRACE_", "FABRIC_", "CORE_", "CHAINCODE_");

    record Result(int exitCode, String stdout, String stderr) {

        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    private Shell() {}

    /** The absolute path of a program on PATH, if there is one. */
    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static void assumeBash() {
        assumeTrue(find("bash").isPresent(), "bash is not installed: the network scripts cannot be run here");
    }

    static Result run(Map<String, String> environment, String... command) {
        Path output = NetworkFiles.scratch("shell");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(NetworkFiles.MODULE.toFile())
                .redirectOutput(output.resolve("stdout").toFile())
                .redirectError(output.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> CLEARED_PREFIXES.stream().anyMatch(name::startsWith));
        env.putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
            }
            return new Result(process.exitValue(), Files.readString(output.resolve("stdout")),
                    Files.readString(output.resolve("stderr")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
