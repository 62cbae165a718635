// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medtrace.network.fabric.YamlPath.list;
import static org.medtrace.network.fabric.YamlPath.map;
import static org.medtrace.network.fabric.YamlPath.string;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Node;
import org.medtrace.network.fabric.NetworkTables.Organization;

/**
 * The settings scripts/lib writes for every node (the env files both runtimes start nodes with), checked against
 * configtx.yaml, crypto-config.yaml and the tables: a node must listen where the channel configuration says it is,
 * and load the certificates the channel configuration pins.
 */
class ScriptLibraryTest {

    private static final String PACKAGE_ID = "traceability_1.0:" + "ab".repeat(32);

    private final NetworkTables tables = NetworkTables.load();
    private final Map<String, Object> profile =
            map(NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("configtx.yaml")), "Profiles", "MedtraceChannel");
    private Path network;

    @BeforeEach
    void write_every_env_file() throws IOException {
        Shell.assumeBash();
        network = NetworkFiles.scratch("library").resolve("network");
        Files.createDirectories(network);
        Files.writeString(network.resolve("crypto-mode"), "cryptogen\n");
        String script = """
                source scripts/lib/common.sh
                source scripts/lib/nodes.sh
                for key in "${ORGS[@]}"; do write_ca_env "$key"; done
                for id in "${ORDERERS[@]}"; do write_orderer_env "$id"; done
                for id in "${PEERS[@]}"; do write_peer_env "$id"; done
                for key in "${PEER_ORGS[@]}"; do write_chaincode_env "$key" "$1" "$2"; done
                """;
        Shell.run(Map.of("MEDTRACE_NETWORK_DIR", network.toString(),
                        "FABRIC_CFG_PATH", ScriptsTest.fakeFabricBin().toString()),
                "bash", "-c", "set -euo pipefail\n" + script, "library", PACKAGE_ID, EndorsementPolicyTest.AUTHORITY)
                .assertSucceeded();
    }

    @Test
    void it_writes_one_env_file_per_compose_service() throws IOException {
        try (Stream<Path> files = Files.list(network.resolve("env"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ComposeTest.expectedServices(tables).stream()
                            .map(service -> service + ".env").toList());
        }
    }

    @Test
    void each_peer_listens_where_its_anchor_peer_entry_says_with_its_organisations_msp() {
        for (Object organization : list(profile, "Application", "Organizations")) {
            Organization expected = tables.byMspId(string(organization, "ID"));
            Node peer = tables.peerOf(expected);
            Map<String, String> env = env(peer.fqdn());
            Object anchor = list(organization, "AnchorPeers").get(0);
            String anchorAddress = string(anchor, "Host") + ":" + string(anchor, "Port");

            assertThat(env).containsEntry("CORE_PEER_LISTENADDRESS", anchorAddress)
                    .containsEntry("CORE_PEER_GOSSIP_EXTERNALENDPOINT", anchorAddress)
                    .containsEntry("CORE_PEER_LOCALMSPID", string(organization, "ID"))
                    .containsEntry("CORE_PEER_MSPCONFIGPATH", organizationDir(organization) + "/peers/" + peer.fqdn() + "/msp")
                    .containsEntry("CORE_PEER_TLS_ENABLED", "true")
                    .containsEntry("CORE_OPERATIONS_LISTENADDRESS", peer.host() + ":" + peer.operationsPort())
                    .containsEntry("CORE_PEER_CHAINCODELISTENADDRESS", peer.host() + ":" + peer.peerChaincodePort().orElseThrow());
        }
    }

    @Test
    void each_peer_dials_its_own_organisations_chaincode_server_through_the_repositorys_builder() throws IOException {
        for (Organization organization : tables.peerOrganizations()) {
            Node peer = tables.peerOf(organization);
            Map<String, String> peerEnv = env(peer.fqdn());
            Map<String, String> chaincodeEnv = env("chaincode." + organization.domain());
            Map<?, ?> builderConfig =
                    new ObjectMapper().readValue(peerEnv.get("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG"), Map.class);

            assertThat(builderConfig).isEqualTo(Map.of("chaincodeAddress", chaincodeEnv.get("CHAINCODE_SERVER_ADDRESS")));
            assertThat(chaincodeEnv).containsEntry("CHAINCODE_SERVER_ADDRESS",
                            peer.host() + ":" + peer.chaincodeServerPort().orElseThrow())
                    .containsEntry("CORE_CHAINCODE_ID_NAME", PACKAGE_ID)
                    .containsEntry("CORE_PEER_LOCALMSPID", organization.mspId())
                    // The same authority for every organisation's chaincode: the one that keeps the registry.
                    .containsEntry("MEDTRACE_CONSORTIUM_AUTHORITY", EndorsementPolicyTest.AUTHORITY);
            assertThat(peerEnv.get("CORE_CHAINCODE_EXTERNALBUILDERS"))
                    .contains("path: " + NetworkFiles.MODULE.resolve("builders/ccaas"))
                    .contains("propagateEnvironment: [CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG]");
        }
    }

    @Test
    void each_orderer_listens_where_its_consenter_entry_says_with_the_tls_certificate_it_pins() {
        List<Object> consenters = list(profile, "Orderer", "EtcdRaft", "Consenters");
        Object ordererOrganization = list(profile, "Orderer", "Organizations").get(0);
        for (int i = 0; i < consenters.size(); i++) {
            Node orderer = tables.orderers().get(i);
            Map<String, String> env = env(orderer.fqdn());
            Object consenter = consenters.get(i);

            assertThat(env.get("ORDERER_GENERAL_LISTENADDRESS") + ":" + env.get("ORDERER_GENERAL_LISTENPORT"))
                    .isEqualTo(string(consenter, "Host") + ":" + string(consenter, "Port"));
            assertThat(env).containsEntry("ORDERER_GENERAL_TLS_CERTIFICATE", network + "/" + string(consenter, "ServerTLSCert"))
                    .containsEntry("ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE", network + "/" + string(consenter, "ClientTLSCert"))
                    .containsEntry("ORDERER_GENERAL_LOCALMSPID", string(ordererOrganization, "ID"))
                    .containsEntry("ORDERER_GENERAL_LOCALMSPDIR",
                            organizationDir(ordererOrganization) + "/orderers/" + orderer.fqdn() + "/msp")
                    .containsEntry("ORDERER_ADMIN_LISTENADDRESS", orderer.host() + ":" + orderer.adminPort().orElseThrow())
                    .containsEntry("ORDERER_OPERATIONS_LISTENADDRESS", orderer.host() + ":" + orderer.operationsPort())
                    .containsEntry("ORDERER_GENERAL_BOOTSTRAPMETHOD", "none")
                    .containsEntry("ORDERER_CHANNELPARTICIPATION_ENABLED", "true");
        }
    }

    @Test
    void with_cryptogen_each_ca_signs_with_the_ca_key_cryptogen_made_for_its_domain() {
        Map<String, Object> cryptoConfig = NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("crypto-config.yaml"));
        List<Object> cryptogenOrganizations = Stream.concat(list(cryptoConfig, "OrdererOrgs").stream(),
                list(cryptoConfig, "PeerOrgs").stream()).toList();
        for (Organization organization : tables.organizations()) {
            String kind = organization.isPeerOrganization() ? "peerOrganizations" : "ordererOrganizations";
            String domain = organization.domain();
            assertThat(cryptogenOrganizations).extracting(o -> string(o, "Domain")).contains(domain);

            assertThat(env("ca." + domain))
                    .containsEntry("FABRIC_CA_SERVER_HOME", network + "/fabric-ca/" + organization.key())
                    .containsEntry("FABRIC_CA_SERVER_CA_CERTFILE",
                            network + "/organizations/" + kind + "/" + domain + "/ca/ca." + domain + "-cert.pem")
                    .containsEntry("FABRIC_CA_SERVER_CA_KEYFILE", network + "/organizations/" + kind + "/" + domain + "/ca/priv_sk");
        }
    }

    /** Where configtx.yaml's MSPDir puts an organisation, in the network directory. */
    private String organizationDir(Object configtxOrganization) {
        String mspDir = string(configtxOrganization, "MSPDir");
        assertThat(mspDir).endsWith("/msp");
        return network + "/" + mspDir.substring(0, mspDir.length() - "/msp".length());
    }

    private Map<String, String> env(String service) {
        Path file = network.resolve("env").resolve(service + ".env");
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                assertThat(equals).as(line).isPositive();
                assertThat(env.put(line.substring(0, equals), line.substring(equals + 1))).as("set twice: " + line).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
