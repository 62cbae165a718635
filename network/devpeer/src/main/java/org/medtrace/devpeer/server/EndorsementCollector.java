// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.policy.SignaturePolicy;

/**
 * The gateway's endorsement with an endorsement policy, as Fabric's gateway does it: the planned peers each simulate
 * the proposal on their own chaincode stream and sign; if the keys written have validation parameters the chosen
 * peers do not satisfy, the peers those need endorse too; results that differ between peers (read-write set, event
 * or response) are refused. With {@code endorsing_organizations} in the request, exactly one peer of each named
 * organisation endorses and no policy is consulted (Fabric's behaviour: the client chose; validation decides).
 */
final class EndorsementCollector {
    static final String ENDORSE_FAILED = "failed to endorse transaction, see attached details for more info";
    static final String NOT_ENOUGH = "failed to collect enough transaction endorsements, see attached details for more"
            + " info";
    static final String MISMATCH = "ProposalResponsePayloads do not match";

    private final Endorser endorser;
    private final EndorsementPlanner planner;
    private final Ledger ledger;
    private final Errors errors;

    EndorsementCollector(final Endorser endorser, final EndorsementPlanner planner, final Ledger ledger,
            final Errors errors) {
        this.endorser = endorser;
        this.planner = planner;
        this.ledger = ledger;
        this.errors = errors;
    }

    /**
     * Collects the endorsements and assembles the transaction to sign. The future fails with a
     * {@link StatusRuntimeException} for the client (wrapped in a CompletionException) when endorsement fails.
     */
    CompletableFuture<Envelope> endorse(final UnpackedProposal proposal, final List<String> organizations) {
        final String rejection = endorser.check(proposal);
        if (rejection != null) {
            return CompletableFuture.failedFuture(errors.withDetail(Status.Code.ABORTED, ENDORSE_FAILED, rejection));
        }
        if (!organizations.isEmpty()) {
            final List<EndorsingPeer> named = new ArrayList<>();
            final List<String> missing = new ArrayList<>();
            for (final String msp : organizations) {
                final EndorsingPeer peer = planner.peerOf(msp);
                if (peer == null) {
                    missing.add(msp);
                } else if (!named.contains(peer)) {
                    named.add(peer);
                }
            }
            if (!missing.isEmpty()) {
                return CompletableFuture.failedFuture(Errors.plain(Status.Code.UNAVAILABLE,
                        "failed to find any endorsing peers for org(s): " + String.join(", ", missing)));
            }
            final Ledger.SharedSnapshot snapshot = ledger.snapshot(proposal.txId());
            return simulate(proposal, named, List.of(), snapshot).whenComplete((responses, error) -> snapshot.close())
                    .thenApply(responses -> assemble(proposal, responses));
        }
        // All peers simulate on one snapshot: they are at the same height, and a block committed between two
        // peers' simulations must not make their results differ.
        final Ledger.SharedSnapshot snapshot = ledger.snapshot(proposal.txId());
        final List<EndorsingPeer> first = planner.initial(clientMsp(proposal));
        return simulate(proposal, first, List.of(), snapshot).thenCompose(responses -> {
            final List<SignaturePolicy> needed = requirements(proposal, responses.values().iterator().next());
            if (EndorsementPlanner.satisfies(first, needed)) {
                return CompletableFuture.completedFuture(responses);
            }
            final List<EndorsingPeer> all = planner.extend(first, needed);
            if (all == null) {
                throw new CompletionException(errors.withDetail(Status.Code.ABORTED, NOT_ENOUGH,
                        "no set of the channel's peers satisfies the endorsement policies of the keys written"));
            }
            return simulate(proposal, all.subList(first.size(), all.size()), new ArrayList<>(responses.values()),
                    snapshot)
                    .thenApply(more -> {
                        final Map<EndorsingPeer, ProposalOutcome> together = new LinkedHashMap<>(responses);
                        together.putAll(more);
                        return together;
                    });
        }).whenComplete((responses, error) -> snapshot.close())
                .thenApply(responses -> assemble(proposal, responses));
    }

    /**
     * Simulates on each peer at once; fails with the peers' errors, or if a result differs from the first (of
     * {@code earlier}, if given) or from another peer's.
     */
    private CompletableFuture<Map<EndorsingPeer, ProposalOutcome>> simulate(final UnpackedProposal proposal,
            final List<EndorsingPeer> peers, final List<ProposalOutcome> earlier,
            final Ledger.SharedSnapshot snapshot) {
        final List<CompletableFuture<ProposalOutcome>> futures = new ArrayList<>();
        for (final EndorsingPeer peer : peers) {
            futures.add(endorser.simulate(proposal, peer, true, snapshot::newSimulation));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
            final Map<EndorsingPeer, ProposalOutcome> outcomes = new LinkedHashMap<>();
            final List<Errors.Detail> failures = new ArrayList<>();
            for (int i = 0; i < peers.size(); i++) {
                final ProposalOutcome outcome = futures.get(i).isCompletedExceptionally()
                        ? ProposalOutcome.peerError("error in simulation: " + cause(futures.get(i)))
                        : futures.get(i).join();
                if (outcome.kind != ProposalOutcome.Kind.ENDORSED) {
                    failures.add(new Errors.Detail(peers.get(i).mspId(), outcome.message));
                }
                outcomes.put(peers.get(i), outcome);
            }
            if (!failures.isEmpty()) {
                throw new CompletionException(errors.withDetails(Status.Code.ABORTED, ENDORSE_FAILED, failures));
            }
            final ByteString reference = earlier.isEmpty()
                    ? outcomes.values().iterator().next().proposalResponse.getPayload()
                    : earlier.get(0).proposalResponse.getPayload();
            final List<Errors.Detail> mismatches = new ArrayList<>();
            outcomes.forEach((peer, outcome) -> {
                if (!outcome.proposalResponse.getPayload().equals(reference)) {
                    mismatches.add(new Errors.Detail(peer.mspId(), MISMATCH));
                }
            });
            if (!mismatches.isEmpty()) {
                throw new CompletionException(errors.withDetails(Status.Code.ABORTED, NOT_ENOUGH, mismatches));
            }
            return outcomes;
        });
    }

    private static String cause(final CompletableFuture<ProposalOutcome> failed) {
        try {
            failed.join();
            return "";
        } catch (final CompletionException e) {
            return String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
        }
    }

    /**
     * The policies the endorsements must satisfy, from the simulated writes: each written key's validation
     * parameter as committed, and the chaincode policy for the keys without one (or if nothing is written).
     */
    private List<SignaturePolicy> requirements(final UnpackedProposal proposal, final ProposalOutcome outcome) {
        final Map<ByteString, SignaturePolicy> keyPolicies = new LinkedHashMap<>();
        boolean chaincodePolicy = false;
        boolean anyWrite = false;
        try {
            final ChaincodeAction action = ChaincodeAction.parseFrom(
                    ProposalResponsePayload.parseFrom(outcome.proposalResponse.getPayload()).getExtension());
            for (final NsReadWriteSet ns : TxReadWriteSet.parseFrom(action.getResults()).getNsRwsetList()) {
                final KVRWSet rwSet = KVRWSet.parseFrom(ns.getRwset());
                final List<String> keys = new ArrayList<>();
                rwSet.getWritesList().forEach(write -> keys.add(write.getKey()));
                rwSet.getMetadataWritesList().forEach(write -> keys.add(write.getKey()));
                for (final String key : keys) {
                    anyWrite = true;
                    final ByteString parameter = ledger.validationParameter(ns.getNamespace(), key);
                    if (parameter == null) {
                        chaincodePolicy = true;
                    } else if (!keyPolicies.containsKey(parameter)) {
                        try {
                            keyPolicies.put(parameter, SignaturePolicy.fromBytes(parameter));
                        } catch (final IllegalArgumentException e) {
                            // Not a policy this peer evaluates: no endorsement can satisfy it; validation says so.
                            keyPolicies.put(parameter, null);
                        }
                    }
                }
            }
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("this peer's own proposal response does not parse", e);
        }
        final List<SignaturePolicy> needed = new ArrayList<>();
        if (chaincodePolicy || !anyWrite) {
            needed.add(planner.policy());
        }
        keyPolicies.values().stream().filter(policy -> policy != null).forEach(needed::add);
        return needed;
    }

    /** The transaction carrying every endorsement, assembled as Fabric's gateway does. */
    private static Envelope assemble(final UnpackedProposal proposal,
            final Map<EndorsingPeer, ProposalOutcome> responses) {
        final List<Endorsement> endorsements = new ArrayList<>();
        responses.values().forEach(outcome -> endorsements.add(outcome.proposalResponse.getEndorsement()));
        return GatewayService.prepare(proposal, responses.values().iterator().next().proposalResponse.getPayload(),
                endorsements);
    }

    private static String clientMsp(final UnpackedProposal proposal) {
        try {
            return SerializedIdentity.parseFrom(proposal.signatureHeader.getCreator()).getMspid();
        } catch (final InvalidProtocolBufferException e) {
            return "";
        }
    }
}
