// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.ledger.TxStatus;

/**
 * Commit-status requests waiting for their transaction: completed from the committer as blocks commit, without a
 * thread per waiting request.
 */
final class CommitWaiters implements Consumer<Block> {
    private final Ledger ledger;
    private final int waitersMax;
    private final Map<String, List<CompletableFuture<TxStatus>>> waiting = new HashMap<>();
    private int count;

    CommitWaiters(final Ledger ledger, final int waitersMax) {
        this.ledger = ledger;
        this.waitersMax = waitersMax;
        ledger.addCommitListener(this);
    }

    /**
     * The transaction's status once it is committed (at once if it already is).
     *
     * @return null if too many requests are waiting already
     */
    CompletableFuture<TxStatus> await(final String txId) {
        final CompletableFuture<TxStatus> future = new CompletableFuture<>();
        synchronized (this) {
            if (count >= waitersMax) {
                return null;
            }
            waiting.computeIfAbsent(txId, id -> new ArrayList<>(1)).add(future);
            count++;
        }
        // Registered before looking, so a commit between the look and the registration cannot be missed.
        final TxStatus committed = ledger.transaction(txId);
        if (committed != null) {
            complete(txId, committed);
        }
        return future;
    }

    /** Forgets a waiter whose request was cancelled. */
    synchronized void cancel(final String txId, final CompletableFuture<TxStatus> future) {
        final List<CompletableFuture<TxStatus>> futures = waiting.get(txId);
        if (futures != null && futures.remove(future)) {
            count--;
            if (futures.isEmpty()) {
                waiting.remove(txId);
            }
        }
    }

    @Override
    public void accept(final Block block) {
        synchronized (this) {
            if (waiting.isEmpty()) {
                return;
            }
        }
        final byte[] filter = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                .toByteArray();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            final String txId = txId(block, i);
            if (txId != null) {
                complete(txId, new TxStatus(txId, block.getHeader().getNumber(), i,
                        TxValidationCode.forNumber(filter[i])));
            }
        }
    }

    private void complete(final String txId, final TxStatus status) {
        final List<CompletableFuture<TxStatus>> futures;
        synchronized (this) {
            futures = waiting.remove(txId);
            if (futures == null) {
                return;
            }
            count -= futures.size();
        }
        // A duplicate transaction id is answered with the status of the first transaction that used it.
        final TxStatus first = ledger.transaction(txId);
        futures.forEach(future -> future.complete(first != null ? first : status));
    }

    private static String txId(final Block block, final int index) {
        try {
            final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(index)).getPayload());
            return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId();
        } catch (final InvalidProtocolBufferException e) {
            return null;
        }
    }
}
