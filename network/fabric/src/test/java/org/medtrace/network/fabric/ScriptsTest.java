// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scripts as programs: syntax, lint, usage, and refusing bad input without touching anything. */
class ScriptsTest {

    /**
     * Every shell file: the scripts, their libraries, the chaincode builder, and the repository's documented scripts
     * (docs/*.sh: the first story, run by the gateway's FirstStoryIT), linted with the same rules.
     */
    static Stream<Path> shellFiles() {
        try (Stream<Path> scripts = Files.walk(NetworkFiles.SCRIPTS); Stream<Path> builder = Files.list(NetworkFiles.BUILDER);
                Stream<Path> docs = Files.list(NetworkFiles.DOCS)) {
            return Stream.of(scripts.filter(p -> p.toString().endsWith(".sh")).toList(), builder.toList(),
                    docs.filter(p -> p.toString().endsWith(".sh")).toList()).flatMap(List::stream).sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a user runs: the scripts' entry points and the builder the peer runs. */
    static Stream<Path> entryPoints() {
        return shellFiles().filter(p -> !p.getParent().endsWith("lib"));
    }

    @Test
    void there_are_scripts_for_every_step() {
        assertThat(entryPoints().map(p -> p.getFileName().toString())).contains("up.sh", "enroll.sh", "channel.sh",
                "deploy.sh", "members.sh", "story.sh", "chaincode.sh", "profiles.sh", "down.sh", "package-id.sh", "detect", "build",
                "release", "first-story.sh");
    }

    @ParameterizedTest
    @MethodSource("shellFiles")
    void bash_parses_it(Path file) {
        Shell.assumeBash();

        Shell.run(Map.of(), "bash", "-n", file.toString()).assertSucceeded();
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void it_is_executable(Path file) {
        assertThat(Files.isExecutable(file)).as(file.toString()).isTrue();
    }

    @Test
    void shellcheck_finds_nothing() {
        assumeTrue(Shell.find("shellcheck").isPresent(),
                "shellcheck is not installed, so the scripts are not linted here (Debian: apt-get install -y shellcheck)");
        List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--source-path=SCRIPTDIR"));
        shellFiles().forEach(file -> command.add(NetworkFiles.MODULE.relativize(file).toString()));

        Shell.run(Map.of(), command.toArray(String[]::new)).assertSucceeded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"up.sh", "enroll.sh", "channel.sh", "deploy.sh", "members.sh", "story.sh", "chaincode.sh",
            "profiles.sh", "down.sh"})
    void help_explains_the_usage_without_needing_fabric(String script) {
        Shell.assumeBash();

        Shell.Result result = run(Map.of(), script, "--help").assertSucceeded();

        assertThat(result.stderr()).contains("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up.sh", "enroll.sh", "channel.sh", "deploy.sh", "members.sh", "story.sh", "chaincode.sh",
            "profiles.sh", "down.sh"})
    void an_unknown_argument_is_refused_and_creates_nothing(String script) {
        Shell.assumeBash();
        Path network = NetworkFiles.scratch("unknown-argument").resolve("network");

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", network.toString()), script, "--no-such-option");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).containsAnyOf("Usage:", "is not an application organisation");
        assertThat(network).doesNotExist();
    }

    @Test
    void up_without_the_fabric_binaries_says_what_is_missing_and_creates_nothing() {
        Shell.assumeBash();
        Path scratch = NetworkFiles.scratch("no-binaries");
        Path network = scratch.resolve("network");

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", network.toString(),
                "FABRIC_BIN", scratch.toString()), "up.sh");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("not found in FABRIC_BIN");
        assertThat(network).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel.sh", "profiles.sh", "enroll.sh", "members.sh", "story.sh"})
    void steps_after_up_refuse_to_run_before_it(String script) {
        Shell.assumeBash();
        Path network = NetworkFiles.scratch("before-up").resolve("network");
        Path fakeBin = fakeFabricBin();

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", network.toString(), "FABRIC_BIN", fakeBin.toString(),
                "FABRIC_CFG_PATH", fakeBin.toString()), script);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("run scripts/up.sh first");
        assertThat(network).doesNotExist();
    }

    @Test
    void deploy_refuses_a_policy_one_organisations_peer_satisfies_alone_saying_why_and_creates_nothing() throws IOException {
        Shell.assumeBash();
        Path scratch = NetworkFiles.scratch("any-policy");
        Path network = scratch.resolve("network");
        Path jar = Files.writeString(scratch.resolve("chaincode.jar"), "");
        Path chaincodePackage = Files.writeString(scratch.resolve("package.tar.gz"), "");

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", network.toString()), "deploy.sh", "--jar", jar.toString(),
                "--package", chaincodePackage.toString(), "--policy", "any");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("refusing the endorsement policy")
                .contains("alone satisfies it").contains("could claim the registry").contains("--force-policy");
        assertThat(network).doesNotExist();
    }

    @Test
    void deploy_refuses_another_authority_than_the_one_the_network_was_deployed_with() throws IOException {
        Shell.assumeBash();
        Path scratch = NetworkFiles.scratch("authority");
        Path network = Files.createDirectories(scratch.resolve("network"));
        Files.writeString(network.resolve("consortium-authority"), "ShanghaiMpaMSP\n");
        Path jar = Files.writeString(scratch.resolve("chaincode.jar"), "");
        Path chaincodePackage = Files.writeString(scratch.resolve("package.tar.gz"), "");

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", network.toString()), "deploy.sh", "--jar", jar.toString(),
                "--package", chaincodePackage.toString(), "--authority", "HuaxiaVaccineMSP");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("deployed with the consortium authority ShanghaiMpaMSP");
        assertThat(network.resolve("consortium-authority")).hasContent("ShanghaiMpaMSP");
    }

    @Test
    void down_purge_refuses_a_directory_up_did_not_make() throws IOException {
        Shell.assumeBash();
        Path elsewhere = NetworkFiles.scratch("not-a-network");
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");

        Shell.Result result = run(Map.of("MEDTRACE_NETWORK_DIR", elsewhere.toString()), "down.sh", "--purge");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("was not made by scripts/up.sh");
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void a_node_that_exits_while_starting_is_reported_with_the_end_of_its_log_and_the_old_log_is_rotated()
            throws IOException {
        Shell.assumeBash();
        Path network = NetworkFiles.scratch("crashing-node").resolve("network");
        Files.createDirectories(network.resolve("logs"));
        Files.writeString(network.resolve("crypto-mode"), "ca\n");
        Path oldLog = Files.writeString(network.resolve("logs/ca.huaxia.medtrace.example.log"), "the previous run\n");
        Path fakeBin = fakeFabricBin();
        Files.writeString(fakeBin.resolve("fabric-ca-server"), "#!/bin/sh\necho 'listen tcp: address already in use' >&2\nexit 1\n");

        Shell.Result result = Shell.run(Map.of("MEDTRACE_NETWORK_DIR", network.toString(), "FABRIC_BIN", fakeBin.toString(),
                        "FABRIC_CFG_PATH", fakeBin.toString(), "MEDTRACE_LOG_ROTATE_BYTES", "8"),
                "bash", "-c", "source scripts/lib/common.sh && source scripts/lib/nodes.sh && start_ca huaxia");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("listen tcp: address already in use")
                .contains("ca.huaxia.medtrace.example exited while starting");
        assertThat(network.resolve("logs/ca.huaxia.medtrace.example.log.1")).hasContent("the previous run");
        assertThat(oldLog).content().doesNotContain("the previous run").contains("address already in use");
    }

    private static Shell.Result run(Map<String, String> environment, String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", NetworkFiles.SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return Shell.run(environment, command.toArray(String[]::new));
    }

    /**
     * Stand-ins for the Fabric tools and the release's config directory, so a script gets past its tool checks to
     * the check under test; nothing here is ever executed.
     */
    static Path fakeFabricBin() {
        Path dir = NetworkFiles.scratch("fake-fabric");
        try {
            for (String tool : List.of("peer", "orderer", "configtxgen", "osnadmin", "cryptogen", "fabric-ca-server",
                    "fabric-ca-client")) {
                Path file = Files.writeString(dir.resolve(tool), "#!/bin/sh\nexit 99\n");
                assertThat(file.toFile().setExecutable(true)).isTrue();
            }
            Files.writeString(dir.resolve("core.yaml"), "");
            Files.writeString(dir.resolve("orderer.yaml"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
