// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medtrace.network.fabric.NetworkTables.Organization;
import org.medtrace.network.fabric.SignaturePolicy.Gate;
import org.medtrace.network.fabric.SignaturePolicy.Principal;

/**
 * The chaincode endorsement policies: the default needs the consortium authority's peer and one other, the
 * alternatives are a majority and the old any-one-peer; scripts/lib/policy.sh, which deploy.sh judges them with,
 * agrees with this module's reading of them.
 */
class EndorsementPolicyTest {

    /** The default consortium authority of scripts/lib/common.sh: the regulator. */
    static final String AUTHORITY = "ShanghaiMpaMSP";

    private final NetworkTables tables = NetworkTables.load();

    @Test
    void the_authority_is_the_regulator_of_the_tables() {
        assertThat(tables.byMspId(AUTHORITY).roles()).containsExactly("regulator");
    }

    @Test
    void by_default_the_authoritys_peer_and_one_other_organisations_peer_endorse() throws IOException {
        List<Organization> others = tables.peerOrganizations().stream().filter(o -> !o.mspId().equals(AUTHORITY)).toList();

        SignaturePolicy policy = SignaturePolicy.parse(policyLine("endorsement-policy.txt"));

        assertThat(policy).isEqualTo(new Gate("AND", 2, List.of(new Principal(AUTHORITY, "peer"),
                new Gate("OutOf", 1, List.copyOf(peersOf(others))))));
        assertThat(policy.satisfiedBy(Set.of(AUTHORITY))).as("the authority alone").isFalse();
        for (Organization other : others) {
            assertThat(policy.satisfiedBy(Set.of(other.mspId()))).as(other.mspId() + " alone").isFalse();
            assertThat(policy.satisfiedBy(Set.of(AUTHORITY, other.mspId()))).as("the authority and " + other.mspId())
                    .isTrue();
        }
        assertThat(policy.satisfiedBy(mspIds(others))).as("everyone but the authority").isFalse();
    }

    @Test
    void the_majority_variant_needs_more_than_half_of_all_peers() throws IOException {
        List<Organization> all = tables.peerOrganizations();

        SignaturePolicy policy = SignaturePolicy.parse(policyLine("endorsement-policy-majority.txt"));

        assertThat(policy).isEqualTo(new Gate("OutOf", all.size() / 2 + 1, List.copyOf(peersOf(all))));
    }

    @Test
    void the_any_variant_is_the_old_any_one_peer_policy() throws IOException {
        SignaturePolicy policy = SignaturePolicy.parse(policyLine("endorsement-policy-any.txt"));

        assertThat(policy).isEqualTo(new Gate("OR", 1, List.copyOf(peersOf(tables.peerOrganizations()))));
    }

    @Test
    void every_policy_file_names_every_application_organisations_peer_and_nothing_else() throws IOException {
        try (var files = Files.list(NetworkFiles.CONFIG)) {
            List<String> policyFiles = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("endorsement-policy")).sorted().toList();
            assertThat(policyFiles).containsExactly("endorsement-policy-any.txt", "endorsement-policy-majority.txt",
                    "endorsement-policy.txt");
            for (String file : policyFiles) {
                assertThat(SignaturePolicy.parse(policyLine(file)).principals()).as(file)
                        .containsExactlyInAnyOrderElementsOf(peersOf(tables.peerOrganizations()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"endorsement-policy.txt", "endorsement-policy-majority.txt", "endorsement-policy-any.txt"})
    void the_scripts_read_each_policy_as_this_module_does_for_every_set_of_endorsing_peers(String file)
            throws IOException {
        Shell.assumeBash();
        String line = policyLine(file);
        SignaturePolicy policy = SignaturePolicy.parse(line);
        List<String> msps = tables.peerOrganizations().stream().map(Organization::mspId).toList();
        // Every subset of the eight peers: 256 evaluations in one bash process.
        StringBuilder script = new StringBuilder("source scripts/lib/policy.sh\nmsps=(\"$@\")\n");
        List<Boolean> expected = new ArrayList<>();
        for (int subset = 0; subset < 1 << msps.size(); subset++) {
            Set<String> present = new HashSet<>();
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < msps.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    present.add(msps.get(i));
                    args.append(" \"${msps[").append(i).append("]}\"");
                }
            }
            expected.add(policy.satisfiedBy(present));
            script.append("if policy_satisfied_by \"$POLICY\"").append(args).append("; then echo 1; else echo 0; fi\n");
        }
        List<String> command = new ArrayList<>(List.of("bash", "-c", script.toString(), "policy"));
        command.addAll(msps);

        Shell.Result result = Shell.run(Map.of("POLICY", line), command.toArray(String[]::new)).assertSucceeded();

        assertThat(result.stdout().lines().map(answer -> answer.equals("1")).toList()).isEqualTo(expected);
    }

    @Test
    void deploy_judges_the_default_and_majority_sound_and_refuses_one_peer_alone_or_no_authority() throws IOException {
        Shell.assumeBash();
        Map<String, String> policies = new LinkedHashMap<>();
        policies.put("default", policyLine("endorsement-policy.txt"));
        policies.put("majority", policyLine("endorsement-policy-majority.txt"));
        policies.put("any", policyLine("endorsement-policy-any.txt"));
        policies.put("without the authority", "OutOf(2, 'HuaxiaVaccineMSP.peer', 'BencaoHerbalMSP.peer', 'ShenDistMSP.peer')");
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, String> policy : policies.entrySet()) {
            Shell.Result result = Shell.run(Map.of("POLICY", policy.getValue()), "bash", "-c", """
                    source scripts/lib/common.sh && source scripts/lib/policy.sh
                    msps=(); for key in "${PEER_ORGS[@]}"; do msps+=("${ORG_MSP[$key]}"); done
                    policy_problem "$POLICY" ShanghaiMpaMSP "${msps[@]}"
                    """).assertSucceeded();
            problems.put(policy.getKey(), result.stdout().strip());
        }

        assertThat(problems).containsExactly(Map.entry("default", ""), Map.entry("majority", ""),
                Map.entry("any", "the peer of HuaxiaVaccineMSP alone satisfies it"),
                Map.entry("without the authority", "it does not name the consortium authority's peer 'ShanghaiMpaMSP.peer'"));
    }

    @Test
    void the_parser_refuses_what_fabric_would_refuse() {
        assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.peer', 'B.peer'")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.visitor')")).hasMessageContaining("expected a principal");
        assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.peer') x")).hasMessageContaining("unexpected text");
    }

    /** The one policy line of a policy file, as scripts/deploy.sh reads it (comments and blank lines skipped). */
    static String policyLine(String file) throws IOException {
        List<String> lines = Files.readAllLines(NetworkFiles.CONFIG.resolve(Path.of(file))).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(lines).as(file).hasSize(1);
        return lines.get(0);
    }

    private static List<SignaturePolicy> peersOf(List<Organization> organizations) {
        return organizations.stream().<SignaturePolicy>map(o -> new Principal(o.mspId(), "peer")).toList();
    }

    private static Set<String> mspIds(List<Organization> organizations) {
        return new HashSet<>(organizations.stream().map(Organization::mspId).toList());
    }
}
