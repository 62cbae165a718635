// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.network.fabric.YamlPath.list;
import static org.medtrace.network.fabric.YamlPath.map;
import static org.medtrace.network.fabric.YamlPath.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

class ComposeTest {

    private static final String NETWORK_DIR = "${MEDTRACE_NETWORK_DIR:?set MEDTRACE_NETWORK_DIR}";

    private final NetworkTables tables = NetworkTables.load();
    private final Map<String, Object> services = map(NetworkFiles.yaml(NetworkFiles.COMPOSE), "services");

    /** The process names the scripts give each node: compose service names, env file names, pid file names. */
    static List<String> expectedServices(NetworkTables tables) {
        List<String> names = new ArrayList<>();
        tables.organizations().forEach(o -> names.add("ca." + o.domain()));
        tables.nodes().forEach(node -> names.add(node.fqdn()));
        tables.peerOrganizations().forEach(o -> names.add("chaincode." + o.domain()));
        return names;
    }

    @Test
    void there_is_a_service_for_every_ca_node_and_chaincode_server() {
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expectedServices(tables));
    }

    @Test
    void every_service_shares_the_hosts_network_and_reads_the_env_file_the_scripts_write() {
        for (Map.Entry<String, Object> service : services.entrySet()) {
            assertThat(string(service.getValue(), "network_mode")).as(service.getKey()).isEqualTo("host");
            assertThat(list(service.getValue(), "env_file")).as(service.getKey()).containsExactly(
                    Map.of("path", NETWORK_DIR + "/env/" + service.getKey() + ".env", "required", false));
            assertThat(list(service.getValue(), "volumes")).as(service.getKey())
                    .containsExactly(NETWORK_DIR + ":" + NETWORK_DIR);
        }
    }

    @Test
    void nodes_run_fabric_2_5_and_fabric_ca_1_5_images() {
        for (Organization organization : tables.organizations()) {
            assertThat(string(services, "ca." + organization.domain(), "image"))
                    .isEqualTo("hyperledger/fabric-ca:${FABRIC_CA_VERSION:-1.5.9}");
        }
        for (Node node : tables.nodes()) {
            String image = node.organization().isPeerOrganization() ? "fabric-peer" : "fabric-orderer";
            assertThat(string(services, node.fqdn(), "image"))
                    .isEqualTo("hyperledger/" + image + ":${FABRIC_VERSION:-2.5.5}");
        }
    }

    @Test
    void peers_use_the_images_ccaas_builder_which_fills_the_same_template() {
        for (Organization organization : tables.peerOrganizations()) {
            Map<String, Object> environment = map(services, tables.peerOf(organization).fqdn(), "environment");

            assertThat(environment).containsEntry("FABRIC_CFG_PATH", "/etc/hyperledger/fabric");
            assertThat(string(environment, "CORE_CHAINCODE_EXTERNALBUILDERS"))
                    .contains("path: /opt/hyperledger/ccaas_builder")
                    .contains("propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]");
        }
    }
}
