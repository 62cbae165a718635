// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Organization;
import org.medtrace.network.fabric.SignaturePolicy.Gate;
import org.medtrace.network.fabric.SignaturePolicy.Principal;

class EndorsementPolicyTest {

    private final NetworkTables tables = NetworkTables.load();

    @Test
    void by_default_any_one_organisations_peer_endorses_each_organisation_once() throws IOException {
        SignaturePolicy policy = SignaturePolicy.parse(policyLine("endorsement-policy.txt"));

        assertThat(policy).isInstanceOf(Gate.class);
        assertThat(((Gate) policy).required()).isEqualTo(1);
        assertThat(policy.principals()).containsExactlyElementsOf(peersOf(tables.peerOrganizations()));
    }

    @Test
    void the_strict_variant_needs_the_regulators_peer_and_one_other_organisations_peer() throws IOException {
        Organization regulator = tables.peerOrganizations().stream().filter(o -> o.roles().contains("regulator"))
                .findFirst().orElseThrow();
        List<Organization> others = tables.peerOrganizations().stream().filter(o -> o != regulator).toList();

        SignaturePolicy policy = SignaturePolicy.parse(policyLine("endorsement-policy-regulator.txt"));

        assertThat(policy).isEqualTo(new Gate("AND", 2, List.of(new Principal(regulator.mspId(), "peer"),
                new Gate("OR", 1, List.copyOf(peersOf(others))))));
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
}
