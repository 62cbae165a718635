// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.medtrace.devpeer.identity.IdentityException;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.ledger.TxStatus;

/**
 * Fabric's Gateway service on this peer: Endorse, Submit, CommitStatus, Evaluate and ChaincodeEvents, with the
 * status codes and messages Fabric's gateway uses. Unary calls never hold a thread while they wait: endorsement
 * completes from the chaincode stream, commit status from the committer.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
    private static final Logger LOG = Logger.getLogger(GatewayService.class.getName());
    private static final String ENDORSE_FAILED = "failed to endorse transaction, see attached details for more info";

    private final Ledger ledger;
    private final MspRegistry msps;
    private final Endorser endorser;
    private final SubmitChecks submitChecks;
    private final CommitWaiters commitWaiters;
    private final ExecutorService streams;
    private final Errors errors;
    private final EndorsementCollector collector;

    /**
     * @param collector endorses with the endorsement policy on several peers; null: the home peer endorses alone
     */
    GatewayService(final Ledger ledger, final MspRegistry msps, final Endorser endorser,
            final EndorsementCollector collector, final SubmitChecks submitChecks, final CommitWaiters commitWaiters,
            final ExecutorService streams, final Errors errors) {
        this.ledger = ledger;
        this.msps = msps;
        this.endorser = endorser;
        this.collector = collector;
        this.submitChecks = submitChecks;
        this.commitWaiters = commitWaiters;
        this.streams = streams;
        this.errors = errors;
    }

    @Override
    public void endorse(final EndorseRequest request, final StreamObserver<EndorseResponse> observer) {
        if (request.getProposedTransaction().getProposalBytes().isEmpty()) {
            observer.onError(Errors.plain(Status.Code.INVALID_ARGUMENT,
                    "the proposed transaction must contain a signed proposal"));
            return;
        }
        final UnpackedProposal proposal;
        try {
            proposal = UnpackedProposal.of(request.getProposedTransaction());
        } catch (final IllegalArgumentException e) {
            observer.onError(Errors.plain(Status.Code.INVALID_ARGUMENT, e.getMessage()));
            return;
        }
        if (collector != null) {
            collector.endorse(proposal, request.getEndorsingOrganizationsList()).whenComplete((envelope, error) -> {
                final Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof StatusRuntimeException) {
                    observer.onError(cause);
                } else if (cause != null) {
                    LOG.log(Level.WARNING, "endorsement failed unexpectedly", cause);
                    observer.onError(errors.withDetail(Status.Code.ABORTED, ENDORSE_FAILED, String.valueOf(cause)));
                } else {
                    observer.onNext(EndorseResponse.newBuilder().setPreparedTransaction(envelope).build());
                    observer.onCompleted();
                }
            });
            return;
        }
        endorser.process(proposal, true).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "endorsement failed unexpectedly", error);
                observer.onError(errors.withDetail(Status.Code.ABORTED, ENDORSE_FAILED, String.valueOf(error)));
            } else if (outcome.kind != ProposalOutcome.Kind.ENDORSED) {
                observer.onError(errors.withDetail(Status.Code.ABORTED, ENDORSE_FAILED, outcome.message));
            } else {
                observer.onNext(EndorseResponse.newBuilder().setPreparedTransaction(prepare(proposal, outcome)).build());
                observer.onCompleted();
            }
        });
    }

    /** The unsigned transaction envelope the client signs and submits, assembled as Fabric's gateway does. */
    static Envelope prepare(final UnpackedProposal proposal, final ProposalOutcome outcome) {
        return prepare(proposal, outcome.proposalResponse.getPayload(),
                List.of(outcome.proposalResponse.getEndorsement()));
    }

    /** The unsigned transaction envelope carrying one proposal response payload and its endorsements. */
    static Envelope prepare(final UnpackedProposal proposal, final ByteString proposalResponsePayload,
            final List<Endorsement> endorsements) {
        final ChaincodeEndorsedAction action = ChaincodeEndorsedAction.newBuilder()
                .setProposalResponsePayload(proposalResponsePayload).addAllEndorsements(endorsements).build();
        final ByteString actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(proposal.payloadWithoutTransient()).setAction(action).build()
                .toByteString();
        final Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(proposal.header.getSignatureHeader()).setPayload(actionPayload)).build();
        final Payload payload = Payload.newBuilder().setHeader(proposal.header).setData(transaction.toByteString())
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    @Override
    public void evaluate(final EvaluateRequest request, final StreamObserver<EvaluateResponse> observer) {
        final UnpackedProposal proposal;
        try {
            proposal = UnpackedProposal.of(request.getProposedTransaction());
        } catch (final IllegalArgumentException e) {
            observer.onError(Errors.plain(Status.Code.INVALID_ARGUMENT, "failed to unpack transaction proposal: "
                    + e.getMessage()));
            return;
        }
        endorser.process(proposal, false).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "evaluation failed unexpectedly", error);
                observer.onError(errors.withDetail(Status.Code.ABORTED,
                        "failed to evaluate transaction, see attached details for more info", String.valueOf(error)));
                return;
            }
            switch (outcome.kind) {
                case ENDORSED:
                    observer.onNext(EvaluateResponse.newBuilder().setResult(outcome.response).build());
                    observer.onCompleted();
                    break;
                case CHAINCODE_ERROR:
                    observer.onError(errors.withDetail(Status.Code.UNKNOWN,
                            "evaluate call to endorser returned error: " + outcome.message, outcome.message));
                    break;
                case REJECTED:
                    observer.onError(errors.withDetail(Status.Code.FAILED_PRECONDITION,
                            "evaluate call to endorser returned error: " + outcome.message, outcome.message));
                    break;
                default:
                    observer.onError(errors.withDetail(Status.Code.ABORTED,
                            "failed to evaluate transaction, see attached details for more info", outcome.message));
                    break;
            }
        });
    }

    @Override
    public void submit(final SubmitRequest request, final StreamObserver<SubmitResponse> observer) {
        try {
            submitChecks.admit(request);
            observer.onNext(SubmitResponse.getDefaultInstance());
            observer.onCompleted();
        } catch (final StatusRuntimeException e) {
            observer.onError(e);
        }
    }

    @Override
    public void commitStatus(final SignedCommitStatusRequest signed,
            final StreamObserver<CommitStatusResponse> observer) {
        final CommitStatusRequest request;
        try {
            request = parseCommitStatus(signed);
        } catch (final StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        final CompletableFuture<TxStatus> status = commitWaiters.await(request.getTransactionId());
        if (status == null) {
            observer.onError(Errors.plain(Status.Code.RESOURCE_EXHAUSTED, "too many commit status requests waiting"));
            return;
        }
        ((ServerCallStreamObserver<CommitStatusResponse>) observer).setOnCancelHandler(
                () -> commitWaiters.cancel(request.getTransactionId(), status));
        status.thenAccept(committed -> {
            try {
                observer.onNext(CommitStatusResponse.newBuilder().setResult(committed.code())
                        .setBlockNumber(committed.blockNumber()).build());
                observer.onCompleted();
            } catch (final RuntimeException e) {
                LOG.log(Level.FINE, "commit status caller went away", e);
            }
        });
    }

    private CommitStatusRequest parseCommitStatus(final SignedCommitStatusRequest signed) {
        if (signed.getRequest().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "a commit status request is required");
        }
        final CommitStatusRequest request;
        try {
            request = CommitStatusRequest.parseFrom(signed.getRequest());
        } catch (final InvalidProtocolBufferException e) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "invalid status request: " + e.getMessage());
        }
        if (request.getIdentity().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "no identity provided");
        }
        if (request.getChannelId().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "no channel ID provided");
        }
        if (request.getTransactionId().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "transaction ID should not be empty");
        }
        checkAccess(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId());
        if (!request.getChannelId().equals(ledger.channelId())) {
            throw Errors.plain(Status.Code.FAILED_PRECONDITION, "channel '" + request.getChannelId() + "' not found");
        }
        return request;
    }

    /** Fabric's ACL check on signed requests: the signer must be a valid member of the channel. */
    private void checkAccess(final ByteString identity, final ByteString data, final ByteString signature,
            final String channelId) {
        try {
            msps.verify(identity, data.toByteArray(), signature.toByteArray());
        } catch (final IdentityException e) {
            throw Errors.plain(Status.Code.PERMISSION_DENIED, "failed evaluating policy on signed data during check"
                    + " policy [/Channel/Application/Writers] on channel [" + channelId + "]: " + e.getMessage());
        }
    }

    @Override
    public void chaincodeEvents(final SignedChaincodeEventsRequest signed,
            final StreamObserver<ChaincodeEventsResponse> observer) {
        final ChaincodeEventsRequest request;
        final long start;
        try {
            request = parseChaincodeEvents(signed);
            start = startBlock(request);
        } catch (final StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        final StreamSender<ChaincodeEventsResponse> sender =
                new StreamSender<>((ServerCallStreamObserver<ChaincodeEventsResponse>) observer);
        try {
            streams.execute(() -> streamEvents(request, start, sender));
        } catch (final RejectedExecutionException e) {
            observer.onError(Errors.plain(Status.Code.RESOURCE_EXHAUSTED, "too many event streams open"));
        }
    }

    private ChaincodeEventsRequest parseChaincodeEvents(final SignedChaincodeEventsRequest signed) {
        if (signed.getRequest().isEmpty()) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "a chaincode events request is required");
        }
        final ChaincodeEventsRequest request;
        try {
            request = ChaincodeEventsRequest.parseFrom(signed.getRequest());
        } catch (final InvalidProtocolBufferException e) {
            throw Errors.plain(Status.Code.INVALID_ARGUMENT, "invalid chaincode events request: " + e.getMessage());
        }
        checkAccess(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId());
        if (!request.getChannelId().equals(ledger.channelId())) {
            throw Errors.plain(Status.Code.NOT_FOUND, "channel '" + request.getChannelId() + "' not found");
        }
        return request;
    }

    /** The block to start from: the block of {@code after_transaction_id} if known, else the start position. */
    private long startBlock(final ChaincodeEventsRequest request) {
        if (!request.getAfterTransactionId().isEmpty()) {
            final TxStatus after = ledger.transaction(request.getAfterTransactionId());
            if (after != null) {
                return after.blockNumber();
            }
        }
        final SeekPosition position = request.getStartPosition();
        switch (position.getTypeCase()) {
            case SPECIFIED:
                return position.getSpecified().getNumber();
            case NEXT_COMMIT:
            case TYPE_NOT_SET:
                return ledger.height();
            default:
                throw Errors.plain(Status.Code.INVALID_ARGUMENT, "invalid start position type: "
                        + position.getTypeCase());
        }
    }

    private void streamEvents(final ChaincodeEventsRequest request, final long start,
            final StreamSender<ChaincodeEventsResponse> sender) {
        final String afterTxId = request.getAfterTransactionId();
        // As Fabric: skip events up to and including the checkpointed transaction's, if the ledger holds it.
        boolean passedAfter = afterTxId.isEmpty() || ledger.transaction(afterTxId) == null;
        try {
            for (long number = start; !sender.cancelled(); number++) {
                while (ledger.height() <= number) {
                    if (sender.cancelled()) {
                        return;
                    }
                    ledger.awaitHeight(number + 1, 1_000);
                }
                final Block block = ledger.block(number);
                final ChaincodeEventsResponse.Builder response = ChaincodeEventsResponse.newBuilder()
                        .setBlockNumber(number);
                for (final ChaincodeEvent event : BlockEvents.chaincodeEvents(block)) {
                    if (!passedAfter) {
                        passedAfter = event.getTxId().equals(afterTxId);
                    } else if (event.getChaincodeId().equals(request.getChaincodeId())) {
                        response.addEvents(event);
                    }
                }
                if (response.getEventsCount() > 0 && !sender.send(response.build())) {
                    return;
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.fail(Errors.plain(Status.Code.UNAVAILABLE, "the peer is shutting down"));
        } catch (final IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "chaincode event stream failed", e);
            sender.fail(Errors.plain(Status.Code.ABORTED, String.valueOf(e.getMessage())));
        }
    }
}
