// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.medtrace.devpeer.chaincode.ChaincodeResult;
import org.medtrace.devpeer.chaincode.ChaincodeRuntime;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.IdentityException;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.ledger.Simulation;

/**
 * The endorser: checks a proposal as Fabric's does (header type, channel, creator and signature, transaction id,
 * duplicate), simulates it on the chaincode with the client's own signed proposal, and returns a proposal response
 * with the read-write set, the event and this peer's endorsement.
 */
final class Endorser {
    /** Fabric's shim.ERRORTHRESHOLD: a chaincode status at or above it is an error. */
    private static final int ERROR_THRESHOLD = 400;

    private final Ledger ledger;
    private final MspRegistry msps;
    private final EndorsementVerifier endorsements;
    private final EndorsingPeer home;
    private final Duration executeTimeout;

    Endorser(final Ledger ledger, final MspRegistry msps, final EndorsementVerifier endorsements,
            final EndorsingPeer home, final Duration executeTimeout) {
        this.ledger = ledger;
        this.msps = msps;
        this.endorsements = endorsements;
        this.home = home;
        this.executeTimeout = executeTimeout;
    }

    /**
     * Checks a proposal and simulates it on the home peer.
     *
     * @param endorse false for an evaluation, which needs no endorsement signature
     */
    CompletableFuture<ProposalOutcome> process(final UnpackedProposal proposal, final boolean endorse) {
        final String rejection = check(proposal);
        if (rejection != null) {
            return CompletableFuture.completedFuture(ProposalOutcome.rejected(rejection));
        }
        return simulate(proposal, home, endorse);
    }

    /**
     * Simulates a checked proposal on one peer's chaincode and, if {@code endorse}, signs the result as that peer.
     */
    CompletableFuture<ProposalOutcome> simulate(final UnpackedProposal proposal, final EndorsingPeer peer,
            final boolean endorse) {
        return simulate(proposal, peer, endorse, () -> ledger.newSimulation(proposal.txId()));
    }

    /** As {@link #simulate(UnpackedProposal, EndorsingPeer, boolean)}, on a simulation the supplier opens. */
    CompletableFuture<ProposalOutcome> simulate(final UnpackedProposal proposal, final EndorsingPeer peer,
            final boolean endorse, final java.util.function.Supplier<Simulation> simulations) {
        final ChaincodeRuntime chaincode = peer.chaincodes.get(proposal.chaincodeName());
        if (chaincode == null) {
            return CompletableFuture.completedFuture(ProposalOutcome.peerError("make sure the chaincode "
                    + proposal.chaincodeName() + " has been successfully defined on channel " + proposal.channelId()
                    + " and try again: chaincode definition for '" + proposal.chaincodeName() + "' not found"));
        }
        final Simulation simulation = simulations.get();
        return chaincode.execute(proposal.channelId(), proposal.txId(), proposal.signed,
                proposal.invocation.getChaincodeSpec().getInput(), simulation, executeTimeout)
                .handle((result, error) -> {
                    try {
                        if (error != null) {
                            final Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                            return ProposalOutcome.peerError("error in simulation: " + cause.getMessage());
                        }
                        return outcome(proposal, chaincode.name(), result, simulation, endorse ? peer : null);
                    } finally {
                        simulation.close();
                    }
                });
    }

    /** The endorser's checks; null if the proposal passes, else Fabric's message. */
    String check(final UnpackedProposal proposal) {
        final String channel = proposal.channelId();
        if (proposal.channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return "invalid header type " + proposal.channelHeader.getType();
        }
        if (!channel.equals(ledger.channelId())) {
            return "channel '" + channel + "' not found";
        }
        try {
            msps.verify(proposal.signatureHeader.getCreator(), proposal.signed.getProposalBytes().toByteArray(),
                    proposal.signed.getSignature().toByteArray());
        } catch (final IdentityException e) {
            return e.reason() == IdentityException.Reason.BAD_SIGNATURE
                    ? "access denied: channel [" + channel + "] creator org [" + e.mspId() + "]"
                    : "access denied: channel [" + channel + "] creator org unknown, creator is malformed";
        }
        final String expected = expectedTxId(proposal.signatureHeader.getNonce(),
                proposal.signatureHeader.getCreator());
        if (proposal.signatureHeader.getNonce().isEmpty() || !expected.equals(proposal.txId())) {
            return "invalid txID. It must be [" + expected + "]";
        }
        if (ledger.transaction(proposal.txId()) != null) {
            return "duplicate transaction found [" + proposal.txId() + "]. Creator ["
                    + HexFormat.of().formatHex(proposal.signatureHeader.getCreator().toByteArray()) + "]";
        }
        return null;
    }

    /** Fabric's transaction id: hex SHA-256 of nonce and creator. */
    static String expectedTxId(final ByteString nonce, final ByteString creator) {
        return HexFormat.of().formatHex(Crypto.sha256(nonce.toByteArray(), creator.toByteArray()));
    }

    private ProposalOutcome outcome(final UnpackedProposal proposal, final String chaincodeName,
            final ChaincodeResult result, final Simulation simulation, final EndorsingPeer endorser) {
        final Response response = result.response();
        if (response.getStatus() >= ERROR_THRESHOLD) {
            return ProposalOutcome.chaincodeError(response);
        }
        final ChaincodeAction.Builder action = ChaincodeAction.newBuilder()
                .setResults(simulation.results().toByteString())
                .setResponse(response)
                .setChaincodeId(ChaincodeID.newBuilder().setName(chaincodeName).setVersion("1.0"));
        if (result.event() != null) {
            action.setEvents(result.event().toByteString());
        }
        final ByteString payload = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(proposal.proposalHash()))
                .setExtension(action.build().toByteString()).build().toByteString();
        final ProposalResponse.Builder proposalResponse = ProposalResponse.newBuilder().setVersion(1)
                .setTimestamp(proposal.channelHeader.getTimestamp()).setResponse(response).setPayload(payload);
        if (endorser != null) {
            proposalResponse.setEndorsement(endorsements.endorse(endorser.identity, payload));
        }
        return ProposalOutcome.endorsed(proposalResponse.build(), response);
    }
}
