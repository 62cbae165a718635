// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.PackagedGateway;

/**
 * A newcomer's first hour: the packaged gateway on a fresh data directory, as the README starts it, and
 * {@code docs/first-story.sh} run against it, from product registration to an administered vial with its provenance.
 */
class FirstStoryIT {

    private static final Path SCRIPT = Path.of("..", "docs", "first-story.sh").toAbsolutePath().normalize();
    private static final long SCRIPT_SECONDS_MAX = 300;

    @Test
    void the_first_story_script_walks_from_registration_to_an_administered_vial_and_its_provenance()
            throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run docs/first-story.sh;"
                + " install them (Debian: apt-get install -y bash curl) to run this test");
        assertThat(SCRIPT).isRegularFile();
        final PackagedGateway gateway = PackagedGateway.start(PackagedGateway.freshDataDirectory("first-story"));
        try {
            final Path output = gateway.log().resolveSibling("first-story-" + System.nanoTime() + ".out");
            final Process script = new ProcessBuilder("bash", SCRIPT.toString(), gateway.baseUrl())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            final boolean finished = script.waitFor(SCRIPT_SECONDS_MAX, TimeUnit.SECONDS);
            if (!finished) {
                script.destroyForcibly();
            }
            final String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("the script ended within %d s:%n%s", SCRIPT_SECONDS_MAX, printed).isTrue();
            assertThat(script.exitValue()).as("the script's exit code; it printed:%n%s", printed).isZero();
            assertThat(printed).contains("== 19/19 ").contains("first story: done in 19 steps");

            final JsonNode provenance = lastJsonLine(printed);
            assertThat(provenance.path("unit").path("status").asText()).isEqualTo("dispensed");
            assertThat(provenance.path("unit").path("code").asText()).startsWith("88.118.8866/8");
            final List<String> steps = new ArrayList<>();
            provenance.path("events").forEach(e -> steps.add(e.path("bizStep").asText()));
            assertThat(steps).containsSubsequence("commissioning", "packing", "shipping", "receiving", "dispensing");
            assertThat(provenance.path("origin").path("batch").path("lotRelease").path("certificateNumber").asText())
                    .startsWith("SJ");
            assertThat(provenance.path("origin").path("batch").path("lotRelease").path("issuerMsp").asText())
                    .as("the lot release is recorded by the lot-release authority").isEqualTo("ShanghaiIdcMSP");
            assertThat(provenance.path("legs").get(0).path("shipment").path("to").asText())
                    .isEqualTo("MinhangCdcMSP");
            assertThat(provenance.path("legs").get(0).path("temperature").path("windows").asInt())
                    .as("anchored windows of the trip").isPositive();
        } finally {
            gateway.stop();
        }
    }

    /** @return the last line of the output that is a JSON object: the provenance the script prints at the end */
    private static JsonNode lastJsonLine(final String printed) throws java.io.IOException {
        final List<String> lines = printed.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as("a JSON line in:%n%s", printed).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static boolean onPath(final String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
