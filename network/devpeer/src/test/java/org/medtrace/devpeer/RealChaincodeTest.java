// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's real chaincode jar, launched by the peer as a child process with the consortium authority in its
 * environment, driven through the SDK: the authority bootstraps the member registry, then members act.
 */
class RealChaincodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "88.118.8866/B-REAL01";
    private static DevPeer peer;
    private static io.grpc.ManagedChannel channel;

    @BeforeAll
    static void start() {
        final Path jar = Path.of(System.getProperty("devpeer.chaincode.jar",
                "target/chaincode/traceability-chaincode-ccaas.jar"));
        peer = DevPeer.builder().dataDirectory(PeerFixture.freshDirectory("real-chaincode"))
                .organizations(PeerFixture.ORGS).chaincodeJar("traceability", jar)
                .chaincodeEnvironment(Consortium.ENVIRONMENT).build();
        peer.start();
        channel = PeerFixture.channelTo(peer);
        final EnrolledIdentity authority = peer.certificateAuthority().enroll("ShanghaiMpaMSP", "registrar",
                "regulator");
        try (Gateway gateway = PeerFixture.gateway(channel, authority)) {
            Consortium.bootstrap(gateway.getNetwork("medtrace").getContract("traceability"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot bootstrap the member registry", e);
        }
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        peer.close();
    }

    @Test
    void a_manufacturer_registers_and_commissions_and_a_regulator_reads_it_back() throws Exception {
        final EnrolledIdentity maker = peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "line1", "manufacturer");
        final EnrolledIdentity regulator = peer.certificateAuthority().enroll("ShanghaiMpaMSP", "inspector",
                "regulator");
        try (Gateway makerGateway = PeerFixture.gateway(channel, maker);
                Gateway regulatorGateway = PeerFixture.gateway(channel, regulator)) {
            final Network network = makerGateway.getNetwork("medtrace");
            final Contract contract = network.getContract("traceability");
            contract.submitTransaction("product:register", "{\"clientEventId\":\"p1\",\"id\":\"88.118.8866/P-REAL\","
                    + "\"kind\":\"vaccine\",\"name\":\"乙型肝炎疫苗\",\"productCode\":\"8612345\","
                    + "\"approvalNumber\":\"国药准字S20263001\",\"packageLevels\":[{\"level\":1,\"name\":\"vial\"}]}");
            contract.submitTransaction("batch:register", "{\"clientEventId\":\"b1\",\"id\":\"" + BATCH + "\","
                    + "\"productId\":\"88.118.8866/P-REAL\",\"batchNumber\":\"REAL01\","
                    + "\"productionDate\":\"2026-11-01\",\"expiryDate\":\"2028-10-31\"}");
            final SubmittedTransaction commission = contract.newProposal("unit:commission").addArguments(
                    "{\"clientEventId\":\"u1\",\"batchId\":\"" + BATCH + "\",\"packageLevel\":1,"
                            + "\"codes\":[\"88.118.8866/VREAL0001\",\"88.118.8866/VREAL0002\"]}")
                    .build().endorse().submitAsync();
            assertThat(commission.getStatus().isSuccessful()).isTrue();
            try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest("traceability")
                    .startBlock(commission.getStatus().getBlockNumber()).build().getEvents()) {
                final ChaincodeEvent event = events.next();
                assertThat(event.getEventName()).isEqualTo("medtrace.events");
                assertThat(JSON.readTree(event.getPayload()).get("txId").asText())
                        .isEqualTo(commission.getTransactionId());
            }
            final JsonNode unit = JSON.readTree(regulatorGateway.getNetwork("medtrace").getContract("traceability")
                    .evaluateTransaction("unit:get", "{\"id\":\"88.118.8866/VREAL0001\"}"));
            assertThat(unit.toString()).contains("HuaxiaVaccineMSP").contains(BATCH);
            assertThatThrownBy(() -> regulatorGateway.getNetwork("medtrace").getContract("traceability")
                    .submitTransaction("unit:commission", "{\"clientEventId\":\"u2\",\"batchId\":\"" + BATCH
                            + "\",\"packageLevel\":1,\"codes\":[\"88.118.8866/VREAL0003\"]}"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0)
                            .getMessage()).startsWith("chaincode response 500, ["));
        }
    }

    @Test
    void an_organisation_on_the_channel_but_not_in_the_registry_is_refused() throws Exception {
        final EnrolledIdentity distributor = peer.certificateAuthority().enroll("ShenDistMSP", "clerk",
                "distributor");
        try (Gateway gateway = PeerFixture.gateway(channel, distributor)) {
            assertThatThrownBy(() -> gateway.getNetwork("medtrace").getContract("traceability")
                    .evaluateTransaction("member:get", "{\"msp\":\"ShenDistMSP\"}"))
                    .hasMessageContaining("[ACCESS_DENIED] ShenDistMSP may not call member:get as distributor: "
                            + "ShenDistMSP is not a member of the consortium");
        }
    }
}
