// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Before it launches a chaincode, the peer stops what an earlier run recorded in the chaincode's pid file and left
 * running (its wrapper and server outlive a peer killed together with them), and only that: a pid now used by
 * another program is left alone.
 */
class ChaincodeLeftoverTest {

    @Test
    void a_recorded_process_of_this_chaincode_is_stopped_and_another_program_is_left_alone() throws Exception {
        final Path directory = Files.createDirectories(Path.of("target", "test-data",
                "leftover-" + System.nanoTime()).toAbsolutePath());
        final Path jar = Files.writeString(directory.resolve("cc.jar"), "not really a jar", StandardCharsets.UTF_8);
        final ChaincodeProcess chaincode = ChaincodeProcess.forJar("cc", jar, directory, Map.of());
        // Stand-ins: a process whose arguments name the jar, as the wrapper's and the server's do, and one that
        // got a recorded pid after the earlier run ended.
        final Process leftover = new ProcessBuilder("/bin/sh", "-c", "while :; do sleep 1; done", jar.toString())
                .start();
        final Process stranger = new ProcessBuilder("/bin/sh", "-c", "while :; do sleep 1; done", "other").start();
        try {
            Files.writeString(directory.resolve("chaincode-cc.pid"), leftover.pid() + " " + stranger.pid() + "\n",
                    StandardCharsets.UTF_8);

            chaincode.stopRecorded(true);

            assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("the earlier run's process ended").isTrue();
            assertThat(stranger.isAlive()).as("another program keeps running").isTrue();
            assertThat(directory.resolve("chaincode-cc.pid")).doesNotExist();
        } finally {
            leftover.descendants().forEach(ProcessHandle::destroyForcibly);
            leftover.destroyForcibly();
            stranger.descendants().forEach(ProcessHandle::destroyForcibly);
            stranger.destroyForcibly();
        }
    }
}
