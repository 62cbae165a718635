// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.orderer.SeekSpecified;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.DeliverResponse;
import org.hyperledger.fabric.protos.peer.Transaction.Builder;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;

/** Signatures, MSP membership and malformed messages, refused with the status codes Fabric's gateway uses. */
class SecurityTest {
    private static PeerFixture fixture;
    private static EnrolledIdentity alice;
    private static Gateway gateway;
    private static Contract contract;
    private static GatewayGrpc.GatewayBlockingStub raw;

    @BeforeAll
    static void start() {
        fixture = PeerFixture.start("security");
        alice = fixture.peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "alice", "manufacturer");
        gateway = PeerFixture.gateway(fixture.channel, alice);
        contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
        raw = GatewayGrpc.newBlockingStub(fixture.channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fixture.close();
    }

    @Test
    void a_proposal_signed_with_another_key_is_refused() throws Exception {
        final EnrolledIdentity mallory = fixture.peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "mallory",
                "manufacturer");
        try (Gateway forged = gatewayWith(alice, mallory)) {
            final Contract forgedContract = forged.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            assertThatThrownBy(() -> forgedContract.submitTransaction("put", "forged", "1"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                        assertThat(e.getDetails().get(0).getMessage())
                                .isEqualTo("access denied: channel [medtrace] creator org [HuaxiaVaccineMSP]");
                    });
            assertThatThrownBy(() -> forgedContract.evaluateTransaction("get", "forged"))
                    .isInstanceOfSatisfying(GatewayException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        }
        assertThat(new String(contract.evaluateTransaction("get", "forged"))).isEmpty();
    }

    @Test
    void identities_of_unknown_msps_or_foreign_cas_are_refused() throws Exception {
        final LocalCertificateAuthority rogue = LocalCertificateAuthority.open(
                PeerFixture.freshDirectory("rogue"), List.of("RogueMSP", "HuaxiaVaccineMSP"));
        for (final EnrolledIdentity stranger : List.of(rogue.enroll("RogueMSP", "eve", "manufacturer"),
                rogue.enroll("HuaxiaVaccineMSP", "eve", "manufacturer"))) {
            try (Gateway strangerGateway = PeerFixture.gateway(fixture.channel, stranger)) {
                final Contract strangerContract = strangerGateway.getNetwork("medtrace")
                        .getContract(PeerFixture.CHAINCODE);
                assertThatThrownBy(() -> strangerContract.submitTransaction("put", "stranger", "1"))
                        .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0)
                                .getMessage()).isEqualTo(
                                        "access denied: channel [medtrace] creator org unknown, creator is malformed"));
            }
        }
    }

    @Test
    void submit_refuses_unsigned_malformed_and_badly_signed_envelopes() throws Exception {
        final Envelope prepared = prepared("put", "refused", "1");
        assertThatThrownBy(() -> raw.submit(submit(prepared)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("prepared transaction must be signed");
                });
        final Envelope garbage = Envelope.newBuilder().setPayload(ByteString.copyFromUtf8("not a payload"))
                .setSignature(ByteString.copyFromUtf8("sig")).build();
        assertThatThrownBy(() -> raw.submit(submit(garbage)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getStatus().getDescription()).startsWith(
                            "received unsuccessful response from orderer: status=BAD_REQUEST");
                });
        final Envelope badSignature = prepared.toBuilder().setSignature(ByteString.copyFrom(
                sign(mallorysKey(), prepared.getPayload().toByteArray()))).build();
        assertThatThrownBy(() -> raw.submit(submit(badSignature)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getStatus().getDescription()).startsWith(
                            "received unsuccessful response from orderer: status=FORBIDDEN");
                });
        assertThat(new String(contract.evaluateTransaction("get", "refused"))).isEmpty();
    }

    @Test
    void a_transaction_whose_endorsed_results_were_altered_fails_the_endorsement_policy() throws Exception {
        final Envelope prepared = prepared("put", "tampered", "honest");
        final Payload payload = Payload.parseFrom(prepared.getPayload());
        final org.hyperledger.fabric.protos.peer.Transaction tx =
                org.hyperledger.fabric.protos.peer.Transaction.parseFrom(payload.getData());
        final ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
        final ByteString original = action.getAction().getProposalResponsePayload();
        final ByteString altered = replaceBytes(original, "honest", "forged");
        assertThat(altered).isNotEqualTo(original);
        final Builder alteredTx = tx.toBuilder();
        alteredTx.setActions(0, tx.getActions(0).toBuilder().setPayload(action.toBuilder().setAction(
                action.getAction().toBuilder().setProposalResponsePayload(altered)).build().toByteString()));
        final Payload alteredPayload = payload.toBuilder().setData(alteredTx.build().toByteString()).build();
        final Envelope signed = Envelope.newBuilder().setPayload(alteredPayload.toByteString())
                .setSignature(ByteString.copyFrom(sign(alicesKey(), alteredPayload.toByteArray()))).build();
        final String txId = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId();
        raw.submit(SubmitRequest.newBuilder().setTransactionId(txId).setChannelId("medtrace")
                .setPreparedTransaction(signed).build());
        final var status = raw.commitStatus(signedCommitStatus(txId, alicesKey()));
        assertThat(status.getResult()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(new String(contract.evaluateTransaction("get", "tampered"))).isEmpty();
    }

    @Test
    void commit_status_and_chaincode_events_need_a_valid_member_signature() throws Exception {
        final String txId = new String(contract.submitTransaction("put", "status", "1"));
        assertThat(raw.commitStatus(signedCommitStatus(txId, alicesKey())).getResult())
                .isEqualTo(TxValidationCode.VALID);
        assertThatThrownBy(() -> raw.commitStatus(signedCommitStatus(txId, mallorysKey())))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> raw.commitStatus(SignedCommitStatusRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        final ByteString request = ChaincodeEventsRequest.newBuilder().setChannelId("medtrace")
                .setChaincodeId(PeerFixture.CHAINCODE).setIdentity(serialized(alice)).build().toByteString();
        final var events = raw.chaincodeEvents(SignedChaincodeEventsRequest.newBuilder().setRequest(request)
                .setSignature(ByteString.copyFrom(sign(mallorysKey(), request.toByteArray()))).build());
        assertThatThrownBy(events::hasNext).isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void deliver_answers_each_seek_with_fabrics_status() throws Exception {
        final long height = fixture.peer.blockHeight();
        assertThat(deliverStatus(seek(height + 5, height + 5, SeekInfo.SeekBehavior.FAIL_IF_NOT_READY), alicesKey()))
                .isEqualTo(org.hyperledger.fabric.protos.common.Status.NOT_FOUND);
        assertThat(deliverStatus(seek(2, 1, SeekInfo.SeekBehavior.BLOCK_UNTIL_READY), alicesKey()))
                .isEqualTo(org.hyperledger.fabric.protos.common.Status.BAD_REQUEST);
        assertThat(deliverStatus(seek(0, 0, SeekInfo.SeekBehavior.BLOCK_UNTIL_READY), mallorysKey()))
                .isEqualTo(org.hyperledger.fabric.protos.common.Status.FORBIDDEN);
        assertThat(deliverStatus(seek(0, 0, SeekInfo.SeekBehavior.BLOCK_UNTIL_READY), alicesKey()))
                .isEqualTo(org.hyperledger.fabric.protos.common.Status.SUCCESS);
    }

    @Test
    void an_empty_endorse_request_is_an_invalid_argument() {
        assertThatThrownBy(() -> raw.endorse(org.hyperledger.fabric.protos.gateway.EndorseRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    /** Endorses through the SDK and returns the unsigned prepared envelope. */
    private static Envelope prepared(final String function, final String... args) throws Exception {
        final Transaction transaction = contract.newProposal(function).addArguments(args).build().endorse();
        return PreparedTransaction.parseFrom(transaction.getBytes()).getEnvelope().toBuilder().clearSignature().build();
    }

    private static SubmitRequest submit(final Envelope envelope) {
        return SubmitRequest.newBuilder().setChannelId("medtrace").setTransactionId("x")
                .setPreparedTransaction(envelope).build();
    }

    private static SignedCommitStatusRequest signedCommitStatus(final String txId, final PrivateKey key)
            throws Exception {
        final ByteString request = CommitStatusRequest.newBuilder().setChannelId("medtrace").setTransactionId(txId)
                .setIdentity(serialized(alice)).build().toByteString();
        return SignedCommitStatusRequest.newBuilder().setRequest(request)
                .setSignature(ByteString.copyFrom(sign(key, request.toByteArray()))).build();
    }

    private static SeekInfo seek(final long start, final long stop, final SeekInfo.SeekBehavior behavior) {
        return SeekInfo.newBuilder()
                .setStart(SeekPosition.newBuilder().setSpecified(SeekSpecified.newBuilder().setNumber(start)))
                .setStop(SeekPosition.newBuilder().setSpecified(SeekSpecified.newBuilder().setNumber(stop)))
                .setBehavior(behavior).build();
    }

    /** Sends one signed seek request as alice's identity, signed with the given key; returns the final status. */
    private static org.hyperledger.fabric.protos.common.Status deliverStatus(final SeekInfo seekInfo,
            final PrivateKey key) throws Exception {
        final List<DeliverResponse> responses = RawDeliver.seek(fixture.channel, alice, key, seekInfo);
        return responses.get(responses.size() - 1).getStatus();
    }

    private static Gateway gatewayWith(final EnrolledIdentity identity, final EnrolledIdentity signer)
            throws Exception {
        try (Reader cert = Files.newBufferedReader(identity.certificatePem())) {
            return Gateway.newInstance()
                    .identity(new X509Identity(identity.mspId(), Identities.readX509Certificate(cert)))
                    .signer(Signers.newPrivateKeySigner(key(signer))).hash(Hash.SHA256)
                    .connection(fixture.channel).connect();
        }
    }

    private static ByteString serialized(final EnrolledIdentity identity) throws Exception {
        return SerializedIdentity.newBuilder().setMspid(identity.mspId())
                .setIdBytes(ByteString.copyFrom(Files.readAllBytes(identity.certificatePem()))).build().toByteString();
    }

    private static PrivateKey alicesKey() throws Exception {
        return key(alice);
    }

    private static PrivateKey mallorysKey() throws Exception {
        return key(fixture.peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "mallory", "manufacturer"));
    }

    private static PrivateKey key(final EnrolledIdentity identity) throws Exception {
        try (Reader reader = Files.newBufferedReader(identity.privateKeyPem())) {
            return Identities.readPrivateKey(reader);
        }
    }

    /** Replaces every occurrence of an ASCII string by another of the same length, byte for byte. */
    private static ByteString replaceBytes(final ByteString bytes, final String from, final String to) {
        final byte[] data = bytes.toByteArray();
        final byte[] needle = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final byte[] replacement = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, data, i, replacement.length);
            }
        }
        return ByteString.copyFrom(data);
    }

    private static byte[] sign(final PrivateKey key, final byte[] message) throws Exception {
        return Signers.newPrivateKeySigner(key).sign(Hash.SHA256.apply(message));
    }
}
