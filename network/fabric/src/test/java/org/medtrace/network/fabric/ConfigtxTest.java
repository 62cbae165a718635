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

class ConfigtxTest {

    private static final long REQUEST_LIMIT_BYTES = 4L * 1024 * 1024;
    private static final long GRPC_MESSAGE_LIMIT_BYTES = 100L * 1024 * 1024;

    private final NetworkTables tables = NetworkTables.load();
    private final Map<String, Object> profile =
            map(NetworkFiles.yaml(NetworkFiles.CONFIG.resolve("configtx.yaml")), "Profiles", "MedtraceChannel");

    @Test
    void the_channel_holds_exactly_the_application_organisations_with_their_msp_directories() {
        List<Object> organizations = list(profile, "Application", "Organizations");

        assertThat(organizations).extracting(o -> string(o, "ID"))
                .containsExactlyElementsOf(tables.peerOrganizations().stream().map(Organization::mspId).toList());
        for (Object organization : organizations) {
            Organization expected = tables.byMspId(string(organization, "ID"));
            assertThat(string(organization, "Name")).isEqualTo(expected.mspId());
            assertThat(string(organization, "MSPDir"))
                    .isEqualTo("organizations/peerOrganizations/" + expected.domain() + "/msp");
        }
    }

    @Test
    void each_organisation_reads_with_all_its_identities_writes_with_clients_and_endorses_with_its_peer() {
        for (Object organization : list(profile, "Application", "Organizations")) {
            String msp = string(organization, "ID");
            Map<String, Object> policies = map(organization, "Policies");

            assertSignature(policies, "Readers", "OR('" + msp + ".admin', '" + msp + ".peer', '" + msp + ".client')");
            assertSignature(policies, "Writers", "OR('" + msp + ".admin', '" + msp + ".client')");
            assertSignature(policies, "Admins", "OR('" + msp + ".admin')");
            assertSignature(policies, "Endorsement", "OR('" + msp + ".peer')");
        }
    }

    @Test
    void anchor_peers_are_the_organisations_peers() {
        for (Object organization : list(profile, "Application", "Organizations")) {
            Node peer = tables.peerOf(tables.byMspId(string(organization, "ID")));

            assertThat(list(organization, "AnchorPeers")).as(peer.fqdn())
                    .containsExactly(Map.of("Host", peer.host(), "Port", peer.port()));
        }
    }

    @Test
    void lifecycle_needs_a_majority_and_the_default_endorsement_is_any_organisations_peer() {
        Map<String, Object> policies = map(profile, "Application", "Policies");

        assertImplicitMeta(policies, "LifecycleEndorsement", "MAJORITY Endorsement");
        assertImplicitMeta(policies, "Endorsement", "ANY Endorsement");
        assertImplicitMeta(policies, "Readers", "ANY Readers");
        assertImplicitMeta(policies, "Writers", "ANY Writers");
        assertImplicitMeta(policies, "Admins", "MAJORITY Admins");
        assertThat(map(profile, "Application", "Capabilities")).containsEntry("V2_5", true);
        assertThat(map(profile, "Capabilities")).containsEntry("V2_0", true);
    }

    @Test
    void the_ordering_service_is_raft_over_the_three_orderers_with_their_tls_certificates() {
        Organization ordererOrganization = tables.ordererOrganization();
        Map<String, Object> orderer = map(profile, "Orderer");

        assertThat(string(orderer, "OrdererType")).isEqualTo("etcdraft");
        List<Object> consenters = list(orderer, "EtcdRaft", "Consenters");
        assertThat(consenters).hasSameSizeAs(tables.orderers());
        for (int i = 0; i < consenters.size(); i++) {
            Node node = tables.orderers().get(i);
            String certificate = "organizations/ordererOrganizations/" + ordererOrganization.domain() + "/orderers/"
                    + node.fqdn() + "/tls/server.crt";
            assertThat(consenters.get(i)).isEqualTo(Map.of("Host", node.host(), "Port", node.port(),
                    "ClientTLSCert", certificate, "ServerTLSCert", certificate));
        }
    }

    @Test
    void the_orderer_organisation_names_every_orderer_as_an_endpoint() {
        List<Object> organizations = list(profile, "Orderer", "Organizations");
        Organization expected = tables.ordererOrganization();

        assertThat(organizations).hasSize(1);
        Object organization = organizations.get(0);
        assertThat(string(organization, "ID")).isEqualTo(expected.mspId());
        assertThat(string(organization, "MSPDir"))
                .isEqualTo("organizations/ordererOrganizations/" + expected.domain() + "/msp");
        assertThat(list(organization, "OrdererEndpoints"))
                .containsExactlyElementsOf(tables.orderers().stream().map(Node::address).toList());
        assertSignature(map(organization, "Policies"), "Admins", "OR('" + expected.mspId() + ".admin')");
    }

    @Test
    void a_block_fits_the_largest_request_the_chaincode_accepts_and_stays_below_the_grpc_limit() {
        Map<String, Object> batchSize = map(profile, "Orderer", "BatchSize");

        long absoluteMax = bytes(string(batchSize, "AbsoluteMaxBytes"));
        assertThat(absoluteMax).isGreaterThan(REQUEST_LIMIT_BYTES).isLessThan(GRPC_MESSAGE_LIMIT_BYTES);
        assertThat(bytes(string(batchSize, "PreferredMaxBytes"))).isLessThanOrEqualTo(absoluteMax);
        assertThat(string(profile, "Orderer", "BatchTimeout")).matches("\\d+(ms|s)");
    }

    private static void assertSignature(Map<String, Object> policies, String name, String rule) {
        assertThat(map(policies, name)).as(name).isEqualTo(Map.of("Type", "Signature", "Rule", rule));
        SignaturePolicy.parse(rule);
    }

    private static void assertImplicitMeta(Map<String, Object> policies, String name, String rule) {
        assertThat(map(policies, name)).as(name).isEqualTo(Map.of("Type", "ImplicitMeta", "Rule", rule));
    }

    /** configtxgen's sizes: "<n> KB" or "<n> MB", powers of 1024. */
    private static long bytes(String size) {
        String[] parts = size.split(" ");
        long factor = switch (parts[1]) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            default -> throw new AssertionError("unexpected unit in " + size);
        };
        return Long.parseLong(parts[0]) * factor;
    }
}
