// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.Block;
import org.medtrace.devpeer.identity.SigningIdentity;

/**
 * One channel's ledger: the hash-chained block file, the world state, the history index and the transaction index.
 * Blocks are committed by a single caller (the committer); reads are safe from any thread.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(dir, "medtrace", peerIdentity)) {
 *     Block genesis = ledger.block(0);
 * }
 * }</pre>
 */
public interface Ledger extends AutoCloseable {
    /**
     * Opens the ledger in a directory, cutting off a torn tail of the block file and replaying committed blocks the
     * indexes have not yet absorbed.
     *
     * @param signer the identity that signs block metadata (the ordering role, played by the peer)
     * @throws IOException if the files cannot be read, or the block file contradicts the indexes
     */
    static Ledger open(final Path directory, final String channelId, final SigningIdentity signer) throws IOException {
        return RocksLedger.open(directory, channelId, signer);
    }

    /** The channel. */
    String channelId();

    /** The number of committed blocks. */
    long height();

    /**
     * A committed block.
     *
     * @return the block, or null if {@code number >= height()}
     * @throws IOException if the block file cannot be read
     */
    Block block(long number) throws IOException;

    /** The status of a committed transaction, or null if no block holds it. */
    TxStatus transaction(String txId);

    /**
     * A committed key's validation parameter (its key-level endorsement policy, the {@code VALIDATION_PARAMETER}
     * metadata), or null if the key has none or does not exist.
     */
    com.google.protobuf.ByteString validationParameter(String namespace, String key);

    /**
     * The current committed state, for several simulations of one proposal (one per endorsing peer) that must see
     * the same state; released when it and every simulation made from it are closed.
     */
    SharedSnapshot snapshot(String txId);

    /** A committed state shared by simulations of one proposal. */
    interface SharedSnapshot extends AutoCloseable {
        /** A new simulation over this state; close it when done. */
        Simulation newSimulation();

        /** Gives up this handle; the state is released once the simulations made from it are closed too. */
        @Override
        void close();
    }

    /** A new simulation over the current committed state; close it when done. */
    Simulation newSimulation(String txId);

    /**
     * Validates and commits blocks, one per batch: numbers them, hash-links them, records each transaction's
     * validation code (duplicate and MVCC checks on top of the precheck), appends them to the block file, forces it
     * to disk once for all of them, then updates the indexes and notifies listeners.
     *
     * @return the committed blocks, with their metadata
     * @throws IOException if the block file or indexes cannot be written; the ledger is then unusable
     */
    List<Block> commit(List<List<OrderedTx>> batches) throws IOException;

    /** Registers a listener called on the committing thread with every committed block, in order. */
    void addCommitListener(Consumer<Block> listener);

    /**
     * Waits until the height reaches at least {@code height}.
     *
     * @return true if it did, false on timeout
     */
    boolean awaitHeight(long height, long timeoutMillis) throws InterruptedException;

    /**
     * Reads every block and checks numbers, hash links and data hashes.
     *
     * @return null if the chain verifies, else the first problem found
     */
    String verifyChain() throws IOException;

    @Override
    void close();
}
