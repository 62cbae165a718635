// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.BlockAndPrivateData;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;
import org.medtrace.devpeer.identity.IdentityException;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.ledger.Ledger;

/**
 * Fabric's Deliver service: blocks, filtered blocks and blocks with (here always empty) private data, for each signed
 * SeekInfo envelope on the stream, with Fabric's semantics: oldest, newest, specified and next-commit positions, a
 * stop position, BLOCK_UNTIL_READY or FAIL_IF_NOT_READY, and a final status (SUCCESS, NOT_FOUND, BAD_REQUEST,
 * FORBIDDEN) per request.
 */
final class DeliverService extends DeliverGrpc.DeliverImplBase {
    private static final Logger LOG = Logger.getLogger(DeliverService.class.getName());
    /** Seek requests queued on one stream while an earlier one is being served. */
    private static final int REQUESTS_QUEUED_MAX = 16;
    private static final Envelope END = Envelope.getDefaultInstance();

    private final Ledger ledger;
    private final MspRegistry msps;
    private final ExecutorService streams;

    DeliverService(final Ledger ledger, final MspRegistry msps, final ExecutorService streams) {
        this.ledger = ledger;
        this.msps = msps;
        this.streams = streams;
    }

    @Override
    public StreamObserver<Envelope> deliver(final StreamObserver<DeliverResponse> observer) {
        return stream(observer, block -> DeliverResponse.newBuilder().setBlock(block).build());
    }

    @Override
    public StreamObserver<Envelope> deliverFiltered(final StreamObserver<DeliverResponse> observer) {
        return stream(observer, block -> DeliverResponse.newBuilder()
                .setFilteredBlock(BlockEvents.filtered(block, ledger.channelId())).build());
    }

    @Override
    public StreamObserver<Envelope> deliverWithPrivateData(final StreamObserver<DeliverResponse> observer) {
        return stream(observer, block -> DeliverResponse.newBuilder()
                .setBlockAndPrivateData(BlockAndPrivateData.newBuilder().setBlock(block)).build());
    }

    private StreamObserver<Envelope> stream(final StreamObserver<DeliverResponse> observer,
            final Function<Block, DeliverResponse> render) {
        final StreamSender<DeliverResponse> sender =
                new StreamSender<>((ServerCallStreamObserver<DeliverResponse>) observer);
        final LinkedBlockingQueue<Envelope> requests = new LinkedBlockingQueue<>(REQUESTS_QUEUED_MAX);
        try {
            streams.execute(() -> serve(requests, sender, render));
        } catch (final RejectedExecutionException e) {
            observer.onError(Errors.plain(Status.Code.RESOURCE_EXHAUSTED, "too many deliver streams open"));
            return new StreamObserver<>() {
                @Override
                public void onNext(final Envelope value) {
                }

                @Override
                public void onError(final Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            };
        }
        return new StreamObserver<>() {
            @Override
            public void onNext(final Envelope envelope) {
                if (!requests.offer(envelope)) {
                    sender.fail(Errors.plain(Status.Code.RESOURCE_EXHAUSTED, "too many seek requests queued"));
                }
            }

            @Override
            public void onError(final Throwable error) {
                requests.clear();
                requests.offer(END);
            }

            @Override
            public void onCompleted() {
                requests.offer(END);
            }
        };
    }

    private void serve(final LinkedBlockingQueue<Envelope> requests, final StreamSender<DeliverResponse> sender,
            final Function<Block, DeliverResponse> render) {
        try {
            while (!sender.cancelled()) {
                final Envelope request = requests.poll(1, TimeUnit.SECONDS);
                if (request == END) {
                    sender.complete();
                    return;
                }
                if (request != null) {
                    final org.hyperledger.fabric.protos.common.Status status = seek(request, sender, render);
                    if (status == null || !sender.send(DeliverResponse.newBuilder().setStatus(status).build())) {
                        return;
                    }
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.fail(Errors.plain(Status.Code.UNAVAILABLE, "the peer is shutting down"));
        } catch (final IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "deliver stream failed", e);
            sender.fail(Errors.plain(Status.Code.INTERNAL, String.valueOf(e.getMessage())));
        }
    }

    /** Serves one seek request; returns its final status, or null if the stream was cancelled. */
    private org.hyperledger.fabric.protos.common.Status seek(final Envelope envelope,
            final StreamSender<DeliverResponse> sender, final Function<Block, DeliverResponse> render)
            throws InterruptedException, IOException {
        final SeekInfo seekInfo;
        try {
            final Payload payload = Payload.parseFrom(envelope.getPayload());
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            final SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            if (channelHeader.getType() != HeaderType.DELIVER_SEEK_INFO_VALUE) {
                return org.hyperledger.fabric.protos.common.Status.BAD_REQUEST;
            }
            if (!channelHeader.getChannelId().equals(ledger.channelId())) {
                return org.hyperledger.fabric.protos.common.Status.NOT_FOUND;
            }
            msps.verify(signatureHeader.getCreator(), envelope.getPayload().toByteArray(),
                    envelope.getSignature().toByteArray());
            seekInfo = SeekInfo.parseFrom(payload.getData());
        } catch (final InvalidProtocolBufferException e) {
            return org.hyperledger.fabric.protos.common.Status.BAD_REQUEST;
        } catch (final IdentityException e) {
            return org.hyperledger.fabric.protos.common.Status.FORBIDDEN;
        }
        final long height = ledger.height();
        final Long start = position(seekInfo.getStart(), height, true);
        final Long stop = position(seekInfo.getStop(), height, false);
        if (start == null || stop == null || Long.compareUnsigned(start, stop) > 0) {
            return org.hyperledger.fabric.protos.common.Status.BAD_REQUEST;
        }
        final boolean failIfNotReady = seekInfo.getBehavior() == SeekInfo.SeekBehavior.FAIL_IF_NOT_READY;
        for (long number = start; Long.compareUnsigned(number, stop) <= 0; number++) {
            while (ledger.height() <= number) {
                if (failIfNotReady) {
                    return org.hyperledger.fabric.protos.common.Status.NOT_FOUND;
                }
                if (sender.cancelled()) {
                    return null;
                }
                ledger.awaitHeight(number + 1, 1_000);
            }
            Block block = ledger.block(number);
            if (seekInfo.getContentType() == SeekInfo.SeekContentType.HEADER_WITH_SIG) {
                block = block.toBuilder().clearData().build();
            }
            if (!sender.send(render.apply(block))) {
                return null;
            }
            if (number == -1L) {
                break;
            }
        }
        return org.hyperledger.fabric.protos.common.Status.SUCCESS;
    }

    /** A seek position as a block number; null if it is not allowed where it stands. */
    private static Long position(final SeekPosition position, final long height, final boolean isStart) {
        switch (position.getTypeCase()) {
            case OLDEST:
                return 0L;
            case NEWEST:
                return Math.max(0, height - 1);
            case SPECIFIED:
                return position.getSpecified().getNumber();
            case NEXT_COMMIT:
                return isStart ? height : null;
            default:
                return null;
        }
    }
}
