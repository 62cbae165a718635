// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.IdentityException;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.ledger.EndorsementPolicyCheck;
import org.medtrace.devpeer.ledger.InvalidTransactionException;
import org.medtrace.devpeer.ledger.OrderedTx;
import org.medtrace.devpeer.ledger.ParsedTx;

/**
 * What happens to a submitted envelope before it is ordered. First the orderer's admission: well formed (else
 * BAD_REQUEST), for this channel, signed by a member (else FORBIDDEN); refusals reach the client as Fabric's gateway
 * reports them. Then the peer's stateless validation, done here on the caller's thread so the committer does not
 * repeat it: transaction id, proposal binding, endorsement. Those failures are not refused: the transaction is
 * ordered and recorded with its validation code, as in Fabric.
 */
final class SubmitChecks {
    private final String channelId;
    private final MspRegistry msps;
    private final EndorsementVerifier endorsements;
    private final Orderer orderer;
    private final Errors errors;

    SubmitChecks(final String channelId, final MspRegistry msps, final EndorsementVerifier endorsements,
            final Orderer orderer, final Errors errors) {
        this.channelId = channelId;
        this.msps = msps;
        this.endorsements = endorsements;
        this.orderer = orderer;
        this.errors = errors;
    }

    /**
     * Admits and queues a submitted transaction.
     *
     * @throws StatusRuntimeException INVALID_ARGUMENT, ABORTED (orderer refusal) or UNAVAILABLE, as Fabric's gateway
     */
    void admit(final SubmitRequest request) {
        if (!request.hasPreparedTransaction()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "a prepared transaction is required");
        }
        final Envelope envelope = request.getPreparedTransaction();
        if (envelope.getSignature().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "prepared transaction must be signed");
        }
        final ParsedTx tx;
        try {
            tx = ParsedTx.parse(envelope);
        } catch (final InvalidTransactionException e) {
            throw refused("BAD_REQUEST", e.getMessage());
        }
        if (!tx.isEndorserTransaction()) {
            throw refused("BAD_REQUEST", "only endorser transactions can be submitted");
        }
        if (!tx.channelHeader().getChannelId().equals(channelId)) {
            throw Errors.plain(Status.Code.FAILED_PRECONDITION,
                    "channel '" + tx.channelHeader().getChannelId() + "' not found");
        }
        try {
            msps.verify(tx.creator(), envelope.getPayload().toByteArray(), envelope.getSignature().toByteArray());
        } catch (final IdentityException e) {
            throw refused("FORBIDDEN", "implicit policy evaluation failed: " + e.getMessage());
        }
        final String refusal = orderer.offer(precheck(tx));
        if (refusal != null) {
            throw errors.withDetail(Status.Code.UNAVAILABLE, "no orderers could successfully process transaction",
                    refusal);
        }
    }

    /**
     * The peer's stateless validation of an admitted endorser transaction. With an endorsement policy, the
     * endorsements' signatures are verified here and the policies (the chaincode's and the written keys') are
     * evaluated over them by the committer, which knows the keys' validation parameters.
     */
    private OrderedTx precheck(final ParsedTx tx) {
        final TxValidationCode code = statelessCode(tx);
        if (code != TxValidationCode.VALID || endorsements.policy() == null) {
            return new OrderedTx(tx, code);
        }
        final ChaincodeEndorsedAction action = tx.actionPayload().getAction();
        final EndorsementPolicyCheck verified = endorsements.verified(action.getProposalResponsePayload(),
                action.getEndorsementsList());
        return verified == null ? new OrderedTx(tx, TxValidationCode.ENDORSEMENT_POLICY_FAILURE)
                : new OrderedTx(tx, TxValidationCode.VALID, verified);
    }

    private TxValidationCode statelessCode(final ParsedTx tx) {
        if (!Endorser.expectedTxId(tx.signatureHeader().getNonce(), tx.creator()).equals(tx.txId())) {
            return TxValidationCode.BAD_PROPOSAL_TXID;
        }
        final ChaincodeEndorsedAction action = tx.actionPayload().getAction();
        final ProposalResponsePayload payload;
        try {
            payload = ProposalResponsePayload.parseFrom(action.getProposalResponsePayload());
        } catch (final InvalidProtocolBufferException e) {
            return TxValidationCode.INVALID_ENDORSER_TRANSACTION;
        }
        final byte[] proposalHash = Crypto.sha256(tx.payload().getHeader().getChannelHeader().toByteArray(),
                tx.payload().getHeader().getSignatureHeader().toByteArray(),
                tx.actionPayload().getChaincodeProposalPayload().toByteArray());
        if (!Arrays.equals(proposalHash, payload.getProposalHash().toByteArray())) {
            // The endorsement was given for another proposal than the one this transaction carries.
            return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
        }
        if (endorsements.policy() == null
                && !endorsements.satisfied(action.getProposalResponsePayload(), action.getEndorsementsList())) {
            return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
        }
        return TxValidationCode.VALID;
    }

    private StatusRuntimeException refused(final String status, final String info) {
        final String message = "received unsuccessful response from orderer: status=" + status + ", info=" + info;
        return errors.withDetail(Status.Code.ABORTED, message, message);
    }
}
