// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * JDK Flight Recorder over the benchmark's measured window, for this JVM ({@code clients.jfr}) and for the peer
 * process and its children ({@code process-<pid>.jfr}, started and dumped with {@code jcmd}). Does nothing when no
 * directory is given.
 */
final class Profiler {
    private static final String NAME = "devpeer-bench";
    private final Path directory;
    private final Recording own;
    private final List<Long> pids;

    private Profiler(final Path directory, final Recording own, final List<Long> pids) {
        this.directory = directory;
        this.own = own;
        this.pids = pids;
    }

    static Profiler start(final String directory, final Process peer) throws Exception {
        if (directory.isEmpty()) {
            return new Profiler(null, null, List.of());
        }
        final Path dir = Files.createDirectories(Path.of(directory));
        final Recording own = new Recording(Configuration.getConfiguration("profile"));
        own.start();
        final List<Long> pids = new ArrayList<>();
        pids.add(peer.pid());
        peer.toHandle().descendants().filter(child -> child.info().command().orElse("").endsWith("java"))
                .forEach(child -> pids.add(child.pid()));
        for (final long pid : pids) {
            jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
        }
        return new Profiler(dir, own, pids);
    }

    void stop() throws Exception {
        if (directory == null) {
            return;
        }
        own.stop();
        own.dump(directory.resolve("clients.jfr"));
        own.close();
        for (final long pid : pids) {
            jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + directory.resolve("process-" + pid + ".jfr"));
        }
    }

    private static void jcmd(final long pid, final String... command) throws IOException, InterruptedException {
        final List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        final Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + line + " failed");
        }
    }
}
