// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The threats of docs/chaincode-api.md ("Identity, roles and membership") played by the demo consortium through the
 * fabric-gateway SDK: the project's real chaincode, one endorsing peer per organisation, the endorsement policy
 * network/fabric deploys, and a member registry bootstrapped by the authority. Each member controls its own CA, so
 * certificates claim whatever their organisation likes; only the registry grants.
 */
class TrustScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo organisations (network/fabric/config/organizations.tsv) and one the registry does not know. */
    private static final List<String> ORGS = List.of("HuaxiaVaccineMSP", "BencaoHerbalMSP", "ShenDistMSP",
            "ColdLinkMSP", "MinhangCdcMSP", "RenjiHospitalMSP", "ShanghaiMpaMSP", "ShanghaiIdcMSP", "RogueMSP");
    private static final String IDC_NAME = "上海市食品药品检验研究院";
    private static final String EXPIRED_LICENCE = "沪20150007";
    /** The date licences are checked on: the transaction's date in China. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(8));

    private static DevPeer peer;
    private static io.grpc.ManagedChannel channel;
    private static final List<Gateway> GATEWAYS = new ArrayList<>();
    private static Contract authority;
    private static Contract huaxia;
    private static Contract idc;

    @BeforeAll
    static void start() throws Exception {
        final Path jar = Path.of(System.getProperty("devpeer.chaincode.jar",
                "target/chaincode/traceability-chaincode-ccaas.jar"));
        peer = DevPeer.builder().dataDirectory(PeerFixture.freshDirectory("trust")).organizations(ORGS)
                .chaincodeJar("traceability", jar).chaincodeEnvironment(Consortium.ENVIRONMENT)
                .endorsementPolicy(deployedPolicy()).build();
        peer.start();
        channel = PeerFixture.channelTo(peer);
        authority = contract("ShanghaiMpaMSP", "registrar", "regulator");
        huaxia = contract("HuaxiaVaccineMSP", "line1", "manufacturer");
        idc = contract("ShanghaiIdcMSP", "releaser", "lot-release");

        register("ShanghaiMpaMSP", "上海市药品监督管理局", "[\"regulator\"]", "[]");
        register("HuaxiaVaccineMSP", "华夏疫苗股份有限公司", "[\"manufacturer\"]",
                licence("DRUG_MANUFACTURING", "沪20260001", "2020-01-01", "2035-12-31"));
        register("ShenDistMSP", "申城医药分销有限公司", "[\"distributor\"]",
                licence("DRUG_DISTRIBUTION", "沪AA0210001", "2020-01-01", "2035-12-31"));
        register("ShanghaiIdcMSP", IDC_NAME, "[\"lot-release\"]",
                licence("LOT_RELEASE_DESIGNATION", "NMPA-PQ-2021-07", "2021-01-01", "2035-12-31"));
        // Its manufacturing licence ended yesterday: on its last day it was valid (validUntil is inclusive).
        register("BencaoHerbalMSP", "本草中药饮片有限公司", "[\"manufacturer\"]",
                licence("DRUG_MANUFACTURING", EXPIRED_LICENCE, "2015-01-01", TODAY.minusDays(1).toString()));
    }

    @AfterAll
    static void stop() {
        GATEWAYS.forEach(Gateway::close);
        channel.shutdownNow();
        peer.close();
    }

    @Test
    void a_regulator_certificate_from_a_members_own_ca_grants_nothing() throws Exception {
        final String batch = vaccineBatch("SELF", "8600011");
        authority.submitTransaction("custody:hold", "{\"clientEventId\":\"hold-self\",\"holdId\":\"H-SELF\","
                + "\"batchIds\":[\"" + batch + "\"],\"reason\":\"inspection of the production line\"}");
        final Contract selfMade = contract("HuaxiaVaccineMSP", "fake-inspector", "regulator");
        final String missingGrant = "as regulator: the consortium has not granted role 'regulator' to "
                + "HuaxiaVaccineMSP (granted: manufacturer)";

        assertThat(refusal(() -> selfMade.submitTransaction("recall:create", "{\"clientEventId\":\"r-self\","
                + "\"recallId\":\"R-SELF\",\"batchIds\":[\"" + batch + "\"],\"level\":\"III\",\"reason\":\"x\"}")))
                .contains("[ACCESS_DENIED] HuaxiaVaccineMSP may not call recall:create " + missingGrant);
        assertThat(refusal(() -> selfMade.submitTransaction("custody:release",
                "{\"clientEventId\":\"rel-self\",\"holdId\":\"H-SELF\"}")))
                .contains("[ACCESS_DENIED] HuaxiaVaccineMSP may not call custody:release " + missingGrant);
        assertThat(refusal(() -> selfMade.submitTransaction("member:register", memberRequest("RogueMSP",
                "Rogue Pharma", "[\"manufacturer\"]", licence("DRUG_MANUFACTURING", "X1", "2020-01-01",
                        "2035-12-31")))))
                .contains("[ACCESS_DENIED] HuaxiaVaccineMSP may not call member:register " + missingGrant);

        // Nothing changed: the hold stands, no recall, no entry.
        final JsonNode after = json(authority.evaluateTransaction("batch:get", id(batch)));
        assertThat(after.at("/holds/0/holdId").asText()).isEqualTo("H-SELF");
        assertThat(after.path("recall").isMissingNode() || after.path("recall").isNull()).isTrue();
        assertThat(refusal(() -> authority.evaluateTransaction("member:get", "{\"msp\":\"RogueMSP\"}")))
                .contains("[MEMBER_NOT_FOUND]");
    }

    @Test
    void an_organisation_on_the_channel_but_not_in_the_registry_can_do_nothing() throws Exception {
        final Contract rogue = contract("RogueMSP", "mallory", "manufacturer");
        final String notMember = "as manufacturer: RogueMSP is not a member of the consortium (no entry in the "
                + "member registry)";
        assertThat(refusal(() -> rogue.submitTransaction("product:register", product("88.118.8866/P-ROGUE",
                "8600001", "rogue-p"))))
                .contains("[ACCESS_DENIED] RogueMSP may not call product:register " + notMember);
        assertThat(refusal(() -> rogue.evaluateTransaction("product:get", id("88.118.8866/P-ROGUE"))))
                .contains("[ACCESS_DENIED] RogueMSP may not call product:get " + notMember);
        assertThat(refusal(() -> rogue.evaluateTransaction("member:list", "{}")))
                .contains("[ACCESS_DENIED] RogueMSP may not call member:list " + notMember);

        // Nobody ships to it, not even released goods of a member in good standing.
        final String batch = vaccineBatch("TOROGUE", "8600012");
        releaseLot(batch);
        assertThat(refusal(() -> huaxia.submitTransaction("custody:ship", "{\"clientEventId\":\"s-rogue\","
                + "\"shipmentId\":\"S-ROGUE\",\"codes\":[\"" + vial(batch, 1) + "\"],\"to\":\"RogueMSP\"}")))
                .contains("[RECEIVER_NOT_MEMBER]").contains("RogueMSP");
        assertThat(json(huaxia.evaluateTransaction("unit:get", id(vial(batch, 1)))).path("status").asText())
                .isEqualTo("active");
    }

    @Test
    void only_the_lot_release_authority_releases_a_vaccine_lot_and_nothing_ships_before() throws Exception {
        final String batch = vaccineBatch("LOT", "8600013");
        final String release = "{\"clientEventId\":\"lr-%s\",\"batchId\":\"" + batch + "\","
                + "\"certificateNumber\":\"SJ20260417\",\"releaseDate\":\"" + TODAY.minusDays(1) + "\"}";
        final String ship = "{\"clientEventId\":\"ship-lot-%s\",\"shipmentId\":\"S-LOT-%<s\",\"codes\":[\""
                + vial(batch, 1) + "\",\"" + vial(batch, 2) + "\"],\"to\":\"ShenDistMSP\"}";

        assertThat(refusal(() -> huaxia.submitTransaction("batch:recordLotRelease", release.formatted("mah"))))
                .contains("[ACCESS_DENIED] role manufacturer of HuaxiaVaccineMSP may not call batch:recordLotRelease; "
                        + "allowed: lot-release");
        assertThat(refusal(() -> huaxia.submitTransaction("custody:ship", ship.formatted("early"))))
                .contains("[BATCH_NOT_RELEASED]");

        idc.submitTransaction("batch:recordLotRelease", release.formatted("idc"));
        final JsonNode stored = json(huaxia.evaluateTransaction("batch:get", id(batch))).path("lotRelease");
        assertThat(stored.path("issuer").asText()).isEqualTo(IDC_NAME);
        assertThat(stored.path("issuerMsp").asText()).isEqualTo("ShanghaiIdcMSP");
        assertThat(stored.path("certificateNumber").asText()).isEqualTo("SJ20260417");

        final JsonNode shipment = json(huaxia.submitTransaction("custody:ship", ship.formatted("released")));
        assertThat(shipment.at("/shipment/to").asText()).isEqualTo("ShenDistMSP");
        assertThat(json(huaxia.evaluateTransaction("unit:get", id(vial(batch, 1)))).path("status").asText())
                .isEqualTo("in_transit");
    }

    @Test
    void a_write_endorsed_by_one_members_peer_alone_is_invalid_and_changes_nothing() throws Exception {
        final String productId = "88.118.8866/P-ALONE";
        final String request = product(productId, "8600002", "alone");
        final Transaction alone = huaxia.newProposal("product:register").addArguments(request)
                .setEndorsingOrganizations("HuaxiaVaccineMSP").build().endorse();
        final SubmittedTransaction submitted = alone.submitAsync();
        assertThat(submitted.getStatus().getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(submitted.getStatus().isSuccessful()).isFalse();
        assertThat(refusal(() -> huaxia.evaluateTransaction("product:get", id(productId))))
                .contains("[PRODUCT_NOT_FOUND]");

        // The same request endorsed as the policy needs: its idempotency key was never stored either.
        final JsonNode accepted = json(huaxia.submitTransaction("product:register", request));
        assertThat(accepted.path("replayed").asBoolean()).isFalse();
        assertThat(accepted.path("txId").asText()).isNotEqualTo(alone.getTransactionId());
        assertThat(json(huaxia.evaluateTransaction("product:get", id(productId))).path("mah").asText())
                .isEqualTo("HuaxiaVaccineMSP");
    }

    @Test
    void a_licence_past_its_validity_stops_the_role_that_needs_it_from_the_next_day() throws Exception {
        final Contract bencao = contract("BencaoHerbalMSP", "plant", "manufacturer");
        final String expired = "as manufacturer: role 'manufacturer' of BencaoHerbalMSP needs a valid "
                + "DRUG_MANUFACTURING licence; licence DRUG_MANUFACTURING " + EXPIRED_LICENCE + " was valid until "
                + TODAY.minusDays(1) + " (transaction date " + TODAY + ")";
        final String productId = "88.118.8866/P-BENCAO";
        final String request = product(productId, "8600003", "bencao");
        assertThat(refusal(() -> bencao.submitTransaction("product:register", request)))
                .contains("[ACCESS_DENIED] BencaoHerbalMSP may not call product:register " + expired);
        assertThat(refusal(() -> bencao.evaluateTransaction("product:get", id(productId))))
                .contains("[ACCESS_DENIED] BencaoHerbalMSP may not call product:get " + expired);
        // Still a member: it reads the registry and sees why.
        assertThat(json(bencao.evaluateTransaction("member:get", "{\"msp\":\"BencaoHerbalMSP\"}"))
                .at("/licences/0/validUntil").asText()).isEqualTo(TODAY.minusDays(1).toString());

        // Renewed until today, it acts again: a licence is valid through its last day.
        authority.submitTransaction("member:update", memberRequest("BencaoHerbalMSP", "本草中药饮片有限公司",
                "[\"manufacturer\"]", licence("DRUG_MANUFACTURING", EXPIRED_LICENCE, "2015-01-01",
                        TODAY.toString()))
                .replace("\"clientEventId\":\"member-BencaoHerbalMSP\"", "\"clientEventId\":\"renew-bencao\""));
        bencao.submitTransaction("product:register", request);
        assertThat(json(bencao.evaluateTransaction("product:get", id(productId))).path("mah").asText())
                .isEqualTo("BencaoHerbalMSP");
    }

    /** The policy scripts/deploy.sh commits by default: the one line of the file that is not a comment. */
    private static String deployedPolicy() {
        final Path file = Path.of(System.getProperty("devpeer.fabric.config", "../fabric/config"))
                .resolve("endorsement-policy.txt");
        try (Stream<String> lines = Files.lines(file)) {
            final List<String> policy = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
            assertThat(policy).hasSize(1);
            assertThat(policy.get(0)).startsWith("AND('ShanghaiMpaMSP.peer'");
            return policy.get(0);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Contract contract(final String msp, final String user, final String role) {
        final Gateway gateway = PeerFixture.gateway(channel, peer.certificateAuthority().enroll(msp, user, role));
        GATEWAYS.add(gateway);
        return gateway.getNetwork("medtrace").getContract("traceability");
    }

    private static void register(final String msp, final String legalName, final String roles,
            final String licences) throws Exception {
        authority.submitTransaction("member:register", memberRequest(msp, legalName, roles, licences));
    }

    private static String memberRequest(final String msp, final String legalName, final String roles,
            final String licences) {
        return "{\"clientEventId\":\"member-" + msp + "\",\"msp\":\"" + msp + "\",\"legalName\":\"" + legalName
                + "\",\"creditCode\":\"91350100M000100Y43\",\"roles\":" + roles + ",\"licences\":" + licences
                + ",\"reason\":\"trust scenario consortium\"}";
    }

    private static String licence(final String type, final String number, final String from, final String until) {
        return "[{\"type\":\"" + type + "\",\"number\":\"" + number + "\",\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\"}]";
    }

    private static String product(final String id, final String productCode, final String eventId) {
        return "{\"clientEventId\":\"" + eventId + "\",\"id\":\"" + id + "\",\"kind\":\"vaccine\","
                + "\"name\":\"乙型肝炎疫苗\",\"productCode\":\"" + productCode + "\","
                + "\"approvalNumber\":\"国药准字S2026" + productCode.substring(3) + "\","
                + "\"packageLevels\":[{\"level\":1,\"name\":\"vial\"}]}";
    }

    /** A Huaxia vaccine product, a batch of it (not lot-released) and two vials commissioned; returns the batch id. */
    private static String vaccineBatch(final String name, final String productCode) throws Exception {
        final String productId = "88.118.8866/P-" + name;
        final String batch = "88.118.8866/B-" + name;
        huaxia.submitTransaction("product:register", product(productId, productCode, "p-" + name));
        huaxia.submitTransaction("batch:register", "{\"clientEventId\":\"b-" + name + "\",\"id\":\"" + batch
                + "\",\"productId\":\"" + productId + "\",\"batchNumber\":\"" + name + "\",\"productionDate\":\""
                + TODAY.minusDays(10) + "\",\"expiryDate\":\"" + TODAY.plusYears(2) + "\"}");
        huaxia.submitTransaction("unit:commission", "{\"clientEventId\":\"u-" + name + "\",\"batchId\":\"" + batch
                + "\",\"packageLevel\":1,\"codes\":[\"" + vial(batch, 1) + "\",\"" + vial(batch, 2) + "\"]}");
        return batch;
    }

    private static void releaseLot(final String batch) throws Exception {
        idc.submitTransaction("batch:recordLotRelease", "{\"clientEventId\":\"lr-" + batch.substring(14)
                + "\",\"batchId\":\"" + batch + "\",\"certificateNumber\":\"SJ-" + batch.substring(14)
                + "\",\"releaseDate\":\"" + TODAY.minusDays(1) + "\"}");
    }

    private static String vial(final String batch, final int n) {
        return "88.118.8866/V" + batch.substring(14) + "000" + n;
    }

    private static String id(final String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    private static JsonNode json(final byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /** What the gateway and the endorsing peers said when they refused: the status and each peer's message. */
    private static String refusal(final ThrowingCallable call) {
        try {
            call.call();
        } catch (final GatewayException e) {
            return e.getMessage() + " " + e.getDetails().stream().map(ErrorDetail::getMessage)
                    .collect(Collectors.joining(" | "));
        } catch (final Throwable e) {
            throw new AssertionError("not a refusal through the gateway", e);
        }
        throw new AssertionError("accepted; expected a refusal");
    }
}
