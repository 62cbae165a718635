// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.ccaas;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * The peer's side of a chaincode-as-a-service connection, as small as a test needs: dial the chaincode server,
 * answer its REGISTER with REGISTERED and READY, send TRANSACTION messages with a real proposal, and serve the
 * state calls it makes from a map (reads see what earlier transactions of the session wrote).
 */
final class PeerSession implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CHANNEL = "medtrace";

    private final ManagedChannel channel;
    private final StreamObserver<ChaincodeMessage> toChaincode;
    private final BlockingQueue<Object> fromChaincode = new LinkedBlockingQueue<>();
    private final Map<String, ByteString> state = new HashMap<>();
    private final ChaincodeMessage registration;

    /** The outcome of one transaction. */
    record Result(Response response, ChaincodeEvent event, List<String> writtenKeys) {
    }

    PeerSession(final int port) throws InterruptedException {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        toChaincode = ChaincodeGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(final ChaincodeMessage message) {
                fromChaincode.add(message);
            }

            @Override
            public void onError(final Throwable t) {
                fromChaincode.add(t);
            }

            @Override
            public void onCompleted() {
                fromChaincode.add(new IllegalStateException("chaincode closed the stream"));
            }
        });
        registration = next();
        if (registration.getType() != ChaincodeMessage.Type.REGISTER) {
            throw new IllegalStateException("expected REGISTER, got " + registration.getType());
        }
        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).build());
    }

    /** @return the REGISTER message the chaincode sent (its payload is the ChaincodeID) */
    ChaincodeMessage registration() {
        return registration;
    }

    /**
     * Runs one transaction.
     *
     * @param creator the serialized identity of the client
     * @param args function and arguments
     */
    Result invoke(final String txId, final byte[] creator, final String... args) throws Exception {
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
        for (String arg : args) {
            input.addArgs(ByteString.copyFromUtf8(arg));
        }
        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.TRANSACTION).setTxid(txId)
                .setChannelId(CHANNEL).setPayload(input.build().toByteString()).setProposal(proposal(txId, creator))
                .build());
        List<String> written = new ArrayList<>();
        Map<String, ByteString> writes = new HashMap<>();
        while (true) {
            ChaincodeMessage message = next();
            switch (message.getType()) {
                case GET_STATE -> reply(message, state.getOrDefault(GetState.parseFrom(message.getPayload()).getKey(),
                        ByteString.EMPTY));
                case PUT_STATE -> {
                    PutState put = PutState.parseFrom(message.getPayload());
                    writes.put(put.getKey(), put.getValue());
                    written.add(put.getKey());
                    reply(message, ByteString.EMPTY);
                }
                case PUT_STATE_METADATA -> reply(message, ByteString.EMPTY);
                case COMPLETED -> {
                    Response response = Response.parseFrom(message.getPayload());
                    if (response.getStatus() == 200) {
                        state.putAll(writes);
                    }
                    return new Result(response, message.hasChaincodeEvent() ? message.getChaincodeEvent() : null,
                            written);
                }
                case ERROR -> throw new IllegalStateException("chaincode error: "
                        + message.getPayload().toStringUtf8());
                default -> throw new IllegalStateException("unexpected " + message.getType());
            }
        }
    }

    private void reply(final ChaincodeMessage request, final ByteString payload) {
        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.RESPONSE)
                .setTxid(request.getTxid()).setChannelId(request.getChannelId()).setPayload(payload).build());
    }

    private static SignedProposal proposal(final String txId, final byte[] creator) {
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(CHANNEL).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(creator))
                .setNonce(ByteString.copyFrom(txId.getBytes(StandardCharsets.UTF_8))).build();
        Proposal proposal = Proposal.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString()).build().toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder().build().toByteString()).build();
        return SignedProposal.newBuilder().setProposalBytes(proposal.toByteString()).build();
    }

    private ChaincodeMessage next() throws InterruptedException {
        Object next = fromChaincode.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new IllegalStateException("no message from the chaincode within " + TIMEOUT);
        }
        if (next instanceof Throwable t) {
            throw new IllegalStateException("stream failed", t);
        }
        return (ChaincodeMessage) next;
    }

    @Override
    public void close() {
        toChaincode.onCompleted();
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
