// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

class NetworkTablesTest {

    private final NetworkTables tables = NetworkTables.load();
    private final ChaincodeApiDoc doc = ChaincodeApiDoc.load();

    @Test
    void application_organisations_are_the_demo_organisations_of_the_chaincode_api_with_their_roles() {
        Map<String, List<String>> tableRoles = tables.peerOrganizations().stream()
                .collect(Collectors.toMap(Organization::mspId, Organization::roles));

        assertThat(tableRoles).isEqualTo(doc.rolesByMspId());
    }

    @Test
    void every_role_of_the_chaincode_api_is_enrolled_somewhere_and_no_other() {
        List<String> enrolled = tables.peerOrganizations().stream().flatMap(o -> o.roles().stream()).toList();

        assertThat(enrolled).containsAll(doc.roles()).allMatch(doc.roles()::contains);
    }

    @Test
    void there_is_one_orderer_organisation_with_three_raft_orderers() {
        assertThat(tables.ordererOrganization().roles()).isEmpty();
        assertThat(tables.orderers()).hasSize(3)
                .allSatisfy(orderer -> assertThat(orderer.adminPort()).isPresent())
                .allSatisfy(orderer -> assertThat(orderer.chaincodeServerPort()).isEmpty());
    }

    @Test
    void every_application_organisation_runs_one_peer_with_its_chaincode_server_and_gateway_ports() {
        for (Organization organization : tables.peerOrganizations()) {
            Node peer = tables.peerOf(organization);
            assertThat(peer.adminPort()).as(peer.fqdn()).isEmpty();
            assertThat(List.of(peer.peerChaincodePort(), peer.chaincodeServerPort(), peer.gatewayHttpPort()))
                    .as(peer.fqdn()).allMatch(port -> port.isPresent());
        }
    }

    @Test
    void keys_msp_ids_domains_and_node_names_are_unique() {
        assertUnique(tables.organizations().stream().map(Organization::key).toList());
        assertUnique(tables.organizations().stream().map(Organization::mspId).toList());
        assertUnique(tables.organizations().stream().map(Organization::domain).toList());
        assertUnique(tables.nodes().stream().map(Node::fqdn).toList());
        assertThat(tables.organizations()).allSatisfy(o -> assertThat(o.domain()).endsWith(".medtrace.example"));
    }

    @Test
    void every_port_of_every_node_and_ca_is_distinct_and_every_address_is_loopback() {
        List<Integer> ports = new ArrayList<>();
        for (Organization organization : tables.organizations()) {
            ports.add(organization.caPort());
            ports.add(organization.caOperationsPort());
        }
        for (Node node : tables.nodes()) {
            ports.add(node.port());
            ports.add(node.operationsPort());
            node.adminPort().ifPresent(ports::add);
            node.peerChaincodePort().ifPresent(ports::add);
            node.chaincodeServerPort().ifPresent(ports::add);
            node.gatewayHttpPort().ifPresent(ports::add);
        }

        assertUnique(ports);
        assertThat(ports).allMatch(port -> port > 1024 && port < 32768, "unprivileged and below the ephemeral range");
        assertThat(tables.nodes()).extracting(Node::host).containsOnly("127.0.0.1");
    }

    private static void assertUnique(List<?> values) {
        assertThat(values).doesNotHaveDuplicates();
    }
}
