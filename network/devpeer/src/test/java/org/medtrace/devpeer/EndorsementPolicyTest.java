// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One endorsing peer per organisation and an endorsement policy that no member satisfies alone, through the real
 * fabric-gateway SDK: the gateway collects the endorsements the policy (and the keys' validation parameters) need,
 * refuses peers whose results differ, and the committer invalidates what the policies do not allow.
 */
class EndorsementPolicyTest {
    /** The shape network/fabric deploys, over the fixture's three organisations. */
    static final String POLICY = "AND('ShanghaiMpaMSP.peer', OutOf(1, 'HuaxiaVaccineMSP.peer', 'ShenDistMSP.peer'))";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithHonestPeers {
        private PeerFixture fixture;
        private Gateway huaxia;
        private Gateway shendist;
        private Contract asHuaxia;
        private Contract asShendist;

        @BeforeAll
        void start() {
            fixture = PeerFixture.start(PeerFixture.freshDirectory("policy"), builder -> builder
                    .endorsementPolicy(POLICY));
            huaxia = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer");
            shendist = fixture.gateway("ShenDistMSP", "dora", "distributor");
            asHuaxia = huaxia.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            asShendist = shendist.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
        }

        @AfterAll
        void stop() {
            huaxia.close();
            shendist.close();
            fixture.close();
        }

        @Test
        void a_submit_is_endorsed_by_the_regulators_peer_and_the_clients_own_and_is_valid() throws Exception {
            final Transaction transaction = asHuaxia.newProposal("put").addArguments("k1", "v1").build().endorse();
            assertThat(endorsers(transaction)).containsExactly("HuaxiaVaccineMSP", "ShanghaiMpaMSP");
            final SubmittedTransaction submitted = transaction.submitAsync();
            assertThat(submitted.getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(get("k1")).isEqualTo("v1");
        }

        @Test
        void a_transaction_endorsed_by_one_organisations_peer_alone_is_an_endorsement_policy_failure()
                throws Exception {
            asHuaxia.submitTransaction("put", "k2", "before");
            final Transaction transaction = asHuaxia.newProposal("put").addArguments("k2", "alone")
                    .setEndorsingOrganizations("HuaxiaVaccineMSP").build().endorse();
            assertThat(endorsers(transaction)).containsExactly("HuaxiaVaccineMSP");
            final SubmittedTransaction submitted = transaction.submitAsync();
            assertThat(submitted.getStatus().getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(submitted.getStatus().isSuccessful()).isFalse();
            assertThat(get("k2")).isEqualTo("before");
        }

        @Test
        void the_regulators_peer_alone_does_not_satisfy_the_policy_either() throws Exception {
            final Transaction transaction = asHuaxia.newProposal("put").addArguments("k3", "regulator-only")
                    .setEndorsingOrganizations("ShanghaiMpaMSP").build().endorse();
            assertThat(transaction.submitAsync().getStatus().getCode())
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(get("k3")).isEmpty();
        }

        @Test
        void an_unknown_endorsing_organisation_is_unavailable() {
            assertThatThrownBy(() -> asHuaxia.newProposal("put").addArguments("k4", "x")
                    .setEndorsingOrganizations("NoSuchMSP").build().endorse())
                    .isInstanceOfSatisfying(EndorseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("failed to find any endorsing peers for org(s): NoSuchMSP");
                    });
        }

        @Test
        void a_chaincode_error_is_reported_by_each_endorsing_peer() {
            assertThatThrownBy(() -> asHuaxia.submitTransaction("fail", "no such batch"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                        assertThat(e.getDetails()).extracting(ErrorDetail::getMspId)
                                .containsExactly("HuaxiaVaccineMSP", "ShanghaiMpaMSP");
                        assertThat(e.getDetails().get(0).getMessage()).contains("[TEST_FAILURE] no such batch");
                    });
        }

        @Test
        void a_key_level_policy_brings_in_the_peer_it_names_and_invalidates_a_write_without_it() throws Exception {
            asHuaxia.submitTransaction("put", "owned", "v1");
            asHuaxia.submitTransaction("setKeyPeers", "owned", "HuaxiaVaccineMSP");

            // ShenDist's client: the chaincode policy alone would take ShenDist's and the regulator's peers; the key
            // needs Huaxia's, so the gateway asks it too.
            final Transaction planned = asShendist.newProposal("put").addArguments("owned", "v2").build().endorse();
            assertThat(endorsers(planned)).containsExactlyInAnyOrder("ShenDistMSP", "ShanghaiMpaMSP",
                    "HuaxiaVaccineMSP");
            assertThat(planned.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(get("owned")).isEqualTo("v2");

            // The same write endorsed so that the chaincode policy holds but without the key's owner: invalid.
            final Transaction withoutOwner = asShendist.newProposal("put").addArguments("owned", "v3")
                    .setEndorsingOrganizations("ShenDistMSP", "ShanghaiMpaMSP").build().endorse();
            assertThat(withoutOwner.submitAsync().getStatus().getCode())
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(get("owned")).isEqualTo("v2");

            // Changing the key's policy is itself governed by it.
            final Transaction takeOver = asShendist.newProposal("setKeyPeers").addArguments("owned", "ShenDistMSP")
                    .setEndorsingOrganizations("ShenDistMSP", "ShanghaiMpaMSP").build().endorse();
            assertThat(takeOver.submitAsync().getStatus().getCode())
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        }

        @Test
        void a_key_whose_validation_parameter_is_no_policy_cannot_be_written() throws Exception {
            asHuaxia.submitTransaction("put", "garbled", "v1");
            asHuaxia.submitTransaction("setMeta", "garbled", "VALIDATION_PARAMETER", "not-a-policy");
            final SubmittedTransaction submitted = asHuaxia.newProposal("put").addArguments("garbled", "v2").build()
                    .endorse().submitAsync();
            assertThat(submitted.getStatus().getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(get("garbled")).isEqualTo("v1");
        }

        private String get(final String key) throws Exception {
            return new String(asHuaxia.evaluateTransaction("get", key), StandardCharsets.UTF_8);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithARoguePeer {
        private PeerFixture fixture;
        private Gateway shendist;
        private Contract asShendist;

        @BeforeAll
        void start() {
            // ShenDist's peer runs a modified chaincode that writes what ShenDist likes.
            fixture = PeerFixture.start(PeerFixture.freshDirectory("policy-rogue"), builder -> builder
                    .endorsementPolicy(POLICY)
                    .organizationChaincodeAddress("ShenDistMSP", PeerFixture.CHAINCODE,
                            RogueChaincodeServer.address()));
            shendist = fixture.gateway("ShenDistMSP", "mallory", "distributor");
            asShendist = shendist.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
        }

        @AfterAll
        void stop() {
            shendist.close();
            fixture.close();
        }

        @Test
        void the_gateway_refuses_when_the_rogue_peers_result_differs_from_the_regulators() throws Exception {
            assertThatThrownBy(() -> asShendist.submitTransaction("put", "r1", "honest"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                        assertThat(e.getStatus().getDescription())
                                .isEqualTo("failed to collect enough transaction endorsements, see attached details"
                                        + " for more info");
                        assertThat(e.getDetails()).extracting(ErrorDetail::getMessage)
                                .containsOnly("ProposalResponsePayloads do not match");
                        assertThat(e.getDetails()).extracting(ErrorDetail::getMspId).containsOnly("ShanghaiMpaMSP");
                    });
            assertThat(get("r1")).isEmpty();
        }

        @Test
        void a_transaction_endorsed_by_the_rogue_peer_alone_is_invalidated_and_changes_nothing() throws Exception {
            final Transaction forged = asShendist.newProposal("put").addArguments("r2", "mine")
                    .setEndorsingOrganizations("ShenDistMSP").build().endorse();
            final SubmittedTransaction submitted = forged.submitAsync();
            assertThat(submitted.getStatus().getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(get("r2")).isEmpty();
        }

        @Test
        void honest_peers_still_endorse_for_other_organisations() throws Exception {
            try (Gateway huaxia = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer")) {
                huaxia.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE).submitTransaction("put", "r3", "ok");
            }
            assertThat(get("r3")).isEqualTo("ok");
        }

        private String get(final String key) throws Exception {
            return new String(asShendist.evaluateTransaction("get", key), StandardCharsets.UTF_8);
        }
    }

    /** The MSP ids of the endorsers in an endorsed, not yet submitted transaction, in order. */
    static List<String> endorsers(final Transaction transaction) throws InvalidProtocolBufferException {
        final Envelope envelope = PreparedTransaction.parseFrom(transaction.getBytes()).getEnvelope();
        final org.hyperledger.fabric.protos.peer.Transaction tx = org.hyperledger.fabric.protos.peer.Transaction
                .parseFrom(Payload.parseFrom(envelope.getPayload()).getData());
        final ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
        return action.getAction().getEndorsementsList().stream().map(EndorsementPolicyTest::msp).toList();
    }

    private static String msp(final Endorsement endorsement) {
        try {
            return SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid();
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
