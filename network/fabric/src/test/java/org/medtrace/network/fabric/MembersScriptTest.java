// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

/**
 * scripts/members.sh against a stand-in for the peer CLI that keeps a registry the way the chaincode answers
 * member:get (the entry, MEMBER_NOT_FOUND, or ACCESS_DENIED while the registry is empty): who submits, in which
 * order, endorsed by which peers, and that a second run writes nothing.
 */
class MembersScriptTest {

    /** A peer CLI that logs "function msp signer-msp-dir peer-addresses" per call and keeps members as files. */
    private static final String FAKE_PEER = """
            #!/usr/bin/env bash
            state=$(dirname "$0")/state
            mkdir -p "$state/members"
            call= prev= peers=
            for arg in "$@"; do
              [[ $prev == -c ]] && call=$arg
              [[ $prev == --peerAddresses ]] && peers+="$arg,"
              prev=$arg
            done
            function=$(sed -n 's/^{"function":"\\([^"]*\\)".*/\\1/p' <<<"$call")
            msp=$(grep -o 'msp\\\\":\\\\"[A-Za-z0-9._-]*' <<<"$call" | head -n 1 | sed 's/.*"//')
            echo "$2 $function $msp $CORE_PEER_LOCALMSPID $CORE_PEER_MSPCONFIGPATH $peers $call" >>"$state/calls"
            case $2 in
              query)
                if [[ -f $state/members/$msp ]]; then echo "{\\"msp\\":\\"$msp\\"}"; exit 0; fi
                if [[ -z $(ls "$state/members") ]]; then
                  echo 'Error: endorsement failure during query. response: status:500 message:"[ACCESS_DENIED] not a member"' >&2
                else
                  echo "Error: endorsement failure during query. response: status:500 message:\\"[MEMBER_NOT_FOUND] $msp\\"" >&2
                fi
                exit 1 ;;
              invoke) touch "$state/members/$msp" ;;
              *) exit 99 ;;
            esac
            """;

    private final NetworkTables tables = NetworkTables.load();
    private Path network;
    private Path bin;
    private ServerSocket orderer;

    @BeforeEach
    void a_network_with_the_authoritys_regulator_enrolled() throws IOException {
        Shell.assumeBash();
        Node firstOrderer = tables.orderers().get(0);
        try {
            orderer = new ServerSocket(firstOrderer.port(), 50, InetAddress.getByName(firstOrderer.host()));
        } catch (IOException e) {
            assumeTrue(false, "the first orderer's port " + firstOrderer.port() + " is taken here");
        }
        Path scratch = NetworkFiles.scratch("members");
        network = scratch.resolve("network");
        Organization authority = tables.byMspId(EndorsementPolicyTest.AUTHORITY);
        Path msp = network.resolve("organizations/peerOrganizations/" + authority.domain() + "/users/"
                + authority.key() + "-regulator@" + authority.domain() + "/msp");
        Files.createDirectories(msp.resolve("signcerts"));
        Files.writeString(msp.resolve("signcerts/cert.pem"), "not read by the stand-in");
        Files.writeString(network.resolve("crypto-mode"), "cryptogen\n");
        Files.writeString(network.resolve("endorsement-policy"), EndorsementPolicyTest.policyLine("endorsement-policy.txt") + "\n");
        bin = Files.createDirectories(scratch.resolve("bin"));
        Path peer = Files.writeString(bin.resolve("peer"), FAKE_PEER);
        assertThat(peer.toFile().setExecutable(true)).isTrue();
        Files.writeString(bin.resolve("core.yaml"), "");
        Files.writeString(bin.resolve("orderer.yaml"), "");
    }

    @AfterEach
    void close_the_orderer_port() throws IOException {
        if (orderer != null) {
            orderer.close();
        }
    }

    @Test
    void it_registers_the_authority_first_then_every_member_as_the_authoritys_regulator_then_nothing_more() throws IOException {
        // The authority's line last in the file: the script still submits it first.
        List<String> lines = Files.readAllLines(NetworkFiles.CONFIG.resolve("members.jsonl"));
        List<String> reordered = new java.util.ArrayList<>(lines.stream().filter(line -> !isAuthority(line)).toList());
        reordered.addAll(lines.stream().filter(MembersScriptTest::isAuthority).toList());
        Path file = Files.write(NetworkFiles.scratch("members-file").resolve("members.jsonl"), reordered);

        Shell.Result first = members("--file", file.toString()).assertSucceeded();

        List<String> registered = invokes().stream().map(call -> call.split(" ")[2]).toList();
        assertThat(registered.get(0)).isEqualTo(EndorsementPolicyTest.AUTHORITY);
        assertThat(registered.subList(1, registered.size())).containsExactlyElementsOf(reordered.stream()
                .filter(line -> !isAuthority(line)).map(line -> line.replaceAll("^\\{\"msp\":\"([^\"]+)\".*", "$1")).toList());
        Organization authority = tables.byMspId(EndorsementPolicyTest.AUTHORITY);
        Node authorityPeer = tables.peerOf(authority);
        Node firstOtherPeer = tables.peerOf(tables.peerOrganizations().stream().filter(o -> o != authority).findFirst().orElseThrow());
        assertThat(calls()).allSatisfy(call -> assertThat(call.split(" ")[3]).isEqualTo(authority.mspId()))
                .allSatisfy(call -> assertThat(call.split(" ")[4])
                        .endsWith("/users/" + authority.key() + "-regulator@" + authority.domain() + "/msp"));
        assertThat(invokes()).allSatisfy(call -> {
            assertThat(call.split(" ")[1]).isEqualTo("member:register");
            assertThat(call.split(" ")[5]).isEqualTo(authorityPeer.address() + "," + firstOtherPeer.address() + ",");
            assertThat(call).contains("clientEventId\\\":\\\"member-register-" + call.split(" ")[2] + "\\\"");
        });
        assertThat(first.stderr()).contains("8 registered now, 0 present already");

        Shell.Result second = members("--file", file.toString()).assertSucceeded();

        assertThat(invokes()).hasSize(8);
        assertThat(second.stderr()).contains("0 registered now, 8 present already");
    }

    @Test
    void except_leaves_a_member_out_for_the_not_in_the_registry_check_and_a_later_run_adds_it() throws IOException {
        members("--except", "RenjiHospitalMSP").assertSucceeded();

        assertThat(invokes()).hasSize(7).noneMatch(call -> call.contains("RenjiHospitalMSP"));

        Shell.Result later = members().assertSucceeded();

        assertThat(invokes()).hasSize(8).last().asString().contains("member:register RenjiHospitalMSP");
        assertThat(later.stderr()).contains("1 registered now, 7 present already");
    }

    @Test
    void a_file_without_the_authority_is_refused_before_anything_is_submitted() throws IOException {
        Path file = NetworkFiles.scratch("members-file").resolve("members.jsonl");
        Files.write(file, Files.readAllLines(NetworkFiles.CONFIG.resolve("members.jsonl")).stream()
                .filter(line -> !line.contains("\"msp\":\"" + EndorsementPolicyTest.AUTHORITY + "\"")).toList());

        Shell.Result result = members("--file", file.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("the registry's first entry must be its own");
        assertThat(bin.resolve("state/calls")).doesNotExist();
    }

    private static boolean isAuthority(String line) {
        return line.startsWith("{\"msp\":\"" + EndorsementPolicyTest.AUTHORITY + "\"");
    }

    private Shell.Result members(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", NetworkFiles.SCRIPTS.resolve("members.sh").toString()));
        command.addAll(List.of(arguments));
        return Shell.run(Map.of("MEDTRACE_NETWORK_DIR", network.toString(), "FABRIC_BIN", bin.toString(),
                "FABRIC_CFG_PATH", bin.toString()), command.toArray(String[]::new));
    }

    private List<String> calls() throws IOException {
        Path calls = bin.resolve("state/calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private List<String> invokes() throws IOException {
        return calls().stream().filter(call -> call.startsWith("invoke ")).toList();
    }
}
