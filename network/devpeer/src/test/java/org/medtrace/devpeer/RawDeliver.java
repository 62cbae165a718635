// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;

/** Deliver requests built and signed by hand, for what the SDK does not expose (positions, behaviours, statuses). */
final class RawDeliver {
    private RawDeliver() {
    }

    /** Sends one seek request signed with {@code key} as {@code identity}; returns every response up to the status. */
    static List<DeliverResponse> seek(final ManagedChannel channel, final EnrolledIdentity identity,
            final PrivateKey key, final SeekInfo seekInfo) throws Exception {
        final ByteString creator = SerializedIdentity.newBuilder().setMspid(identity.mspId())
                .setIdBytes(ByteString.copyFrom(Files.readAllBytes(identity.certificatePem()))).build().toByteString();
        final Payload payload = Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(ChannelHeader.newBuilder().setType(HeaderType.DELIVER_SEEK_INFO_VALUE)
                        .setChannelId("medtrace").build().toByteString())
                .setSignatureHeader(SignatureHeader.newBuilder().setCreator(creator)
                        .setNonce(ByteString.copyFromUtf8("nonce")).build().toByteString()))
                .setData(seekInfo.toByteString()).build();
        final LinkedBlockingQueue<DeliverResponse> responses = new LinkedBlockingQueue<>();
        final StreamObserver<Envelope> requests = DeliverGrpc.newStub(channel).deliver(new StreamObserver<>() {
            @Override
            public void onNext(final DeliverResponse response) {
                responses.add(response);
            }

            @Override
            public void onError(final Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        requests.onNext(Envelope.newBuilder().setPayload(payload.toByteString()).setSignature(ByteString.copyFrom(
                Signers.newPrivateKeySigner(key).sign(Hash.SHA256.apply(payload.toByteArray())))).build());
        final List<DeliverResponse> received = new ArrayList<>();
        try {
            while (true) {
                final DeliverResponse response = responses.poll(30, TimeUnit.SECONDS);
                if (response == null) {
                    throw new AssertionError("no deliver response within 30 s after " + received.size());
                }
                received.add(response);
                if (response.hasStatus()) {
                    return received;
                }
            }
        } finally {
            requests.onCompleted();
        }
    }
}
