// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's only path to the ledger: the fabric-gateway SDK over one shared gRPC channel, the same code for the
 * embedded dev peer and for real Fabric. Each call names the identity it signs with.
 *
 * <pre>{@code
 * LedgerClient ledger = LedgerClient.builder()
 *         .channel(grpcChannel).channelName("medtrace").chaincodeName("traceability")
 *         .identities(List.of(identity))
 *         .evaluateTimeout(Duration.ofSeconds(5)).endorseTimeout(Duration.ofSeconds(15))
 *         .submitTimeout(Duration.ofSeconds(5)).commitStatusTimeout(Duration.ofSeconds(60))
 *         .conflictRetries(10).conflictBackoff(Duration.ofMillis(10))
 *         .build();
 * Committed tx = ledger.submit("huaxia-manufacturer", "product:register", json, Map.of());
 * }</pre>
 */
public interface LedgerClient extends AutoCloseable {

    /**
     * Endorses, orders and waits for the commit of one transaction.
     *
     * @param identity the name of the signing identity
     * @param transaction the transaction name, e.g. {@code unit:commission}
     * @param request the request JSON
     * @param transientData transient data (not written to the ledger), may be empty
     * @return the committed transaction
     * @throws ChaincodeRefusedException if the chaincode refused the request
     * @throws TransactionInvalidatedException if the peer invalidated the transaction at commit (after the
     *     configured retries, for read conflicts)
     * @throws LedgerUnavailableException if the ledger did not answer in time
     * @throws IllegalArgumentException if the identity is unknown
     */
    Committed submit(String identity, String transaction, byte[] request, Map<String, byte[]> transientData)
            throws LedgerException;

    /**
     * Evaluates a read-only transaction on the peer.
     *
     * @param identity the name of the signing identity
     * @param transaction the transaction name, e.g. {@code unit:get}
     * @param request the request JSON
     * @return the response JSON
     * @throws ChaincodeRefusedException if the chaincode refused the request
     * @throws LedgerUnavailableException if the ledger did not answer in time
     */
    byte[] evaluate(String identity, String transaction, byte[] request) throws LedgerException;

    /**
     * Opens the stream of chaincode events from a checkpoint.
     *
     * @param identity the identity the stream is requested with
     * @param blockNumber the first block to read
     * @param afterTransactionId skip the events of this block up to and including this transaction
     * @return the stream; the caller closes it
     */
    LedgerEventStream events(String identity, long blockNumber, Optional<String> afterTransactionId);

    /**
     * The ledger's height: the number of committed blocks, the next block's number. On Fabric peers this is the
     * query system chaincode's {@code GetChainInfo}.
     *
     * @param identity the identity the query is signed with
     * @return the height
     * @throws LedgerUnavailableException if the ledger did not answer in time
     */
    long blockHeight(String identity) throws LedgerException;

    /**
     * Finds the last transaction of this client's chaincode that emitted a chaincode event, searching blocks
     * backwards (from the SDK's filtered block events: transaction ids, validation codes and event names, no
     * payloads), from {@code toBlockExclusive - 1} down to {@code fromBlock}, at most {@code blocksMax} blocks.
     *
     * @param identity the identity the blocks are read with
     * @param fromBlock the lowest block to look at
     * @param toBlockExclusive one past the highest block to look at (a height)
     * @param blocksMax how many blocks to read at most
     * @return the position of that transaction, if one was found
     * @throws LedgerUnavailableException if the ledger did not answer in time
     */
    Optional<LedgerPosition> lastEvent(String identity, long fromBlock, long toBlockExclusive, int blocksMax)
            throws LedgerException;

    /** @return the identities this client can sign with. */
    Collection<LedgerIdentity> identities();

    /** Closes every gateway connection; the shared gRPC channel belongs to the caller. */
    @Override
    void close();

    /** @return a builder of the fabric-gateway implementation. */
    static Builder builder() {
        return new FabricLedgerClient.BuilderImpl();
    }

    /** Builds a {@link LedgerClient}; every deadline must be set. */
    interface Builder {
        /** @param channel the shared gRPC channel to the gateway peer */
        Builder channel(ManagedChannel channel);

        /** @param name the Fabric channel name */
        Builder channelName(String name);

        /** @param name the chaincode name */
        Builder chaincodeName(String name);

        /** @param identities the signing identities */
        Builder identities(Collection<LedgerIdentity> identities);

        /** @param timeout deadline of evaluate */
        Builder evaluateTimeout(Duration timeout);

        /** @param timeout deadline of endorse */
        Builder endorseTimeout(Duration timeout);

        /** @param timeout deadline of submit */
        Builder submitTimeout(Duration timeout);

        /** @param timeout deadline of the commit-status wait */
        Builder commitStatusTimeout(Duration timeout);

        /**
         * @param retries how often a transaction invalidated by an MVCC or phantom read conflict is endorsed and
         *     submitted again (0..20; default 0)
         */
        Builder conflictRetries(int retries);

        /** @param backoff the first pause before such a retry; it doubles per retry, with jitter (default 10 ms) */
        Builder conflictBackoff(Duration backoff);

        /** @return the client */
        LedgerClient build();
    }
}
