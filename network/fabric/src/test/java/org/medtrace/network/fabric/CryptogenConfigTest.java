// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.network.fabric.YamlPath.list;
import static org.medtrace.network.fabric.YamlPath.map;
import static org.medtrace.network.fabric.YamlPath.string;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

class CryptogenConfigTest {

    private final NetworkTables tables = NetworkTables.load();
    private final Map<String, Object> cryptoConfig = NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("crypto-config.yaml"));

    @Test
    void it_makes_the_orderer_organisation_with_its_three_orderers() {
        List<Object> ordererOrgs = list(cryptoConfig, "OrdererOrgs");

        assertThat(ordererOrgs).hasSize(1);
        assertOrganization(ordererOrgs.get(0), tables.ordererOrganization());
    }

    @Test
    void it_makes_every_application_organisation_with_its_peer_and_no_users_without_a_role() {
        List<Object> peerOrgs = list(cryptoConfig, "PeerOrgs");

        assertThat(peerOrgs).extracting(o -> string(o, "Domain"))
                .containsExactlyElementsOf(tables.peerOrganizations().stream().map(Organization::domain).toList());
        for (int i = 0; i < peerOrgs.size(); i++) {
            assertOrganization(peerOrgs.get(i), tables.peerOrganizations().get(i));
            // cryptogen cannot give a user the role attribute: the role users come from fabric-ca (enroll.sh).
            assertThat(map(peerOrgs.get(i), "Users")).containsEntry("Count", 0);
        }
    }

    private void assertOrganization(Object cryptogenOrganization, Organization expected) {
        assertThat(string(cryptogenOrganization, "Domain")).isEqualTo(expected.domain());
        assertThat(cryptogenOrganization).extracting(o -> ((Map<?, ?>) o).get("EnableNodeOUs")).isEqualTo(true);
        List<Object> specs = list(cryptogenOrganization, "Specs");
        List<Node> nodes = tables.nodesOf(expected);
        assertThat(specs).extracting(spec -> string(spec, "Hostname"))
                .containsExactlyElementsOf(nodes.stream().map(Node::name).toList());
        for (int i = 0; i < specs.size(); i++) {
            // The nodes are reached by IP (configtx.yaml, nodes.tsv): their TLS certificates must name it.
            assertThat(list(specs.get(i), "SANS")).as(nodes.get(i).fqdn())
                    .contains(nodes.get(i).host(), "localhost");
        }
    }
}
