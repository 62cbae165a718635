// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** {@link LedgerClient} on the fabric-gateway SDK: one {@link Gateway} per identity, all on one gRPC channel. */
final class FabricLedgerClient implements LedgerClient {

    private static final Logger LOG = Logger.getLogger(FabricLedgerClient.class.getName());
    /** Fabric peers' query system chaincode: ledger height, blocks and transactions by number or id. */
    private static final String QUERY_SYSTEM_CHAINCODE = "qscc";

    private final Map<String, LedgerIdentity> identities;
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    /** Retries of invalidated transactions take turns (fair: first come, first served). */
    private final ReentrantLock conflictLane = new ReentrantLock(true);
    private final BuilderImpl options;

    private FabricLedgerClient(final BuilderImpl options) {
        this.options = options;
        final Map<String, LedgerIdentity> byName = new LinkedHashMap<>();
        for (final LedgerIdentity identity : options.identities) {
            if (byName.put(identity.name(), identity) != null) {
                throw new IllegalArgumentException("duplicate identity name " + identity.name());
            }
        }
        this.identities = Map.copyOf(byName);
        // Connect every identity now: a bad certificate or key fails at startup, not on the first request.
        identities.keySet().forEach(this::gateway);
    }

    /**
     * Submits; a transaction the peer invalidated because a concurrent one changed what it read (an MVCC or phantom
     * read conflict: two commissionings into one batch, say) is endorsed again as a new proposal of the same
     * request, a bounded number of times after a short jittered pause. That is safe: the request carries the same
     * clientEventId, and the invalidated transaction wrote nothing, so the chaincode either applies the request once
     * or answers the stored result of a concurrent twin.
     */
    @Override
    public Committed submit(final String identity, final String transaction, final byte[] request,
            final Map<String, byte[]> transientData) throws LedgerException {
        try {
            return submitOnce(identity, transaction, request, transientData);
        } catch (TransactionInvalidatedException e) {
            if (!e.readConflict() || options.conflictRetries == 0) {
                throw e;
            }
            return retry(identity, transaction, request, transientData, e);
        }
    }

    /**
     * Retries take turns: one retrying transaction at a time in this gateway. Concurrent writes to one record (a hot
     * batch) can commit only one per block round trip; retrying them all at once would make them collide again,
     * while in turn each retry meets at most the fresh writes that arrived meanwhile.
     */
    private Committed retry(final String identity, final String transaction, final byte[] request,
            final Map<String, byte[]> transientData, final TransactionInvalidatedException first)
            throws LedgerException {
        try {
            conflictLane.lockInterruptibly();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw first;
        }
        try {
            TransactionInvalidatedException last = first;
            for (int attempt = 1; attempt <= options.conflictRetries; attempt++) {
                final int retry = attempt;
                final TransactionInvalidatedException cause = last;
                LOG.fine(() -> transaction + " " + cause.transactionId().orElse("") + " invalidated ("
                        + cause.validationCode() + "); endorsing it again, retry " + retry + " of "
                        + options.conflictRetries);
                pause(attempt - 1, last);
                try {
                    return submitOnce(identity, transaction, request, transientData);
                } catch (TransactionInvalidatedException e) {
                    if (!e.readConflict()) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        } finally {
            conflictLane.unlock();
        }
    }

    /**
     * Sleeps a random time in [1, 2) times backoff times 2^attempt (at most 2^5), so that the fresh write that won
     * can commit before the retry reads again.
     */
    private void pause(final int attempt, final TransactionInvalidatedException cause)
            throws TransactionInvalidatedException {
        final long base = options.conflictBackoff.toMillis() << Math.min(attempt, 5);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(Math.max(base, 1)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private Committed submitOnce(final String identity, final String transaction, final byte[] request,
            final Map<String, byte[]> transientData) throws LedgerException {
        final Contract contract = contract(identity);
        final Transaction endorsed;
        try {
            endorsed = contract.newProposal(transaction).addArguments(request).putAllTransient(transientData)
                    .build().endorse();
        } catch (EndorseException e) {
            throw ChaincodeErrors.translate(e, e.getTransactionId());
        } catch (StatusRuntimeException e) {
            throw new LedgerUnavailableException("endorsement failed: " + e.getStatus(), null, e);
        }
        final String txId = endorsed.getTransactionId();
        try {
            final SubmittedTransaction submitted = endorsed.submitAsync();
            final Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw new TransactionInvalidatedException(status.getCode().name(), txId);
            }
            return new Committed(txId, status.getBlockNumber(), submitted.getResult());
        } catch (SubmitException | CommitStatusException e) {
            throw ChaincodeErrors.translate(e, txId);
        }
    }

    @Override
    public byte[] evaluate(final String identity, final String transaction, final byte[] request)
            throws LedgerException {
        try {
            return contract(identity).newProposal(transaction).addArguments(request).build().evaluate();
        } catch (GatewayException e) {
            throw ChaincodeErrors.translate(e, null);
        }
    }

    @Override
    public LedgerEventStream events(final String identity, final long blockNumber,
            final Optional<String> afterTransactionId) {
        final Network network = gateway(identity).getNetwork(options.channelName);
        final Checkpoint from = new Checkpoint() {
            @Override
            public OptionalLong getBlockNumber() {
                return OptionalLong.of(blockNumber);
            }

            @Override
            public Optional<String> getTransactionId() {
                return afterTransactionId;
            }
        };
        final CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(options.chaincodeName)
                .checkpoint(from).build().getEvents();
        return new SdkEventStream(events);
    }

    @Override
    public long blockHeight(final String identity) throws LedgerException {
        try {
            final byte[] info = gateway(identity).getNetwork(options.channelName).getContract(QUERY_SYSTEM_CHAINCODE)
                    .evaluateTransaction("GetChainInfo", options.channelName);
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException e) {
            throw ChaincodeErrors.translate(e, null);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException("GetChainInfo answered something that is not a BlockchainInfo", null, e);
        }
    }

    @Override
    public Optional<LedgerPosition> lastEvent(final String identity, final long fromBlock,
            final long toBlockExclusive, final int blocksMax) throws LedgerException {
        final Network network = gateway(identity).getNetwork(options.channelName);
        int read = 0;
        for (long number = toBlockExclusive - 1; number >= Math.max(0, fromBlock) && read < blocksMax; number--) {
            final FilteredBlock block;
            try (CloseableIterator<FilteredBlock> blocks = network.newFilteredBlockEventsRequest().startBlock(number)
                    .build().getEvents(deadline(options.evaluateTimeout))) {
                block = blocks.next();
            } catch (GatewayRuntimeException e) {
                throw new LedgerUnavailableException("cannot read block " + number + ": " + e.getStatus(), null, e);
            }
            read++;
            final Optional<String> transaction = lastEventTransaction(block, options.chaincodeName);
            if (transaction.isPresent()) {
                return Optional.of(new LedgerPosition(block.getNumber(), transaction.get()));
            }
        }
        return Optional.empty();
    }

    /** @return the last valid transaction of the block whose chaincode event is the chaincode's */
    static Optional<String> lastEventTransaction(final FilteredBlock block, final String chaincodeName) {
        final List<FilteredTransaction> transactions = block.getFilteredTransactionsList();
        for (int i = transactions.size() - 1; i >= 0; i--) {
            final FilteredTransaction transaction = transactions.get(i);
            if (transaction.getTxValidationCode() != TxValidationCode.VALID) {
                continue;
            }
            for (final FilteredChaincodeAction action : transaction.getTransactionActions()
                    .getChaincodeActionsList()) {
                final org.hyperledger.fabric.protos.peer.ChaincodeEvent event = action.getChaincodeEvent();
                if (event.getChaincodeId().equals(chaincodeName) && !event.getEventName().isEmpty()) {
                    return Optional.of(transaction.getTxid());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Collection<LedgerIdentity> identities() {
        return identities.values();
    }

    @Override
    public void close() {
        gateways.values().forEach(Gateway::close);
        gateways.clear();
    }

    private Contract contract(final String identity) {
        return gateway(identity).getNetwork(options.channelName).getContract(options.chaincodeName);
    }

    private Gateway gateway(final String name) {
        final LedgerIdentity identity = identities.get(name);
        if (identity == null) {
            throw new IllegalArgumentException("unknown ledger identity " + name);
        }
        return gateways.computeIfAbsent(name, n -> connect(identity));
    }

    private Gateway connect(final LedgerIdentity identity) {
        try (Reader certificateReader = Files.newBufferedReader(identity.certificate(), StandardCharsets.UTF_8);
                Reader keyReader = Files.newBufferedReader(identity.privateKey(), StandardCharsets.UTF_8)) {
            final X509Certificate certificate = Identities.readX509Certificate(certificateReader);
            final PrivateKey key = Identities.readPrivateKey(keyReader);
            return Gateway.newInstance()
                    .identity(new X509Identity(identity.mspId(), certificate))
                    .signer(Signers.newPrivateKeySigner(key))
                    .hash(Hash.SHA256)
                    .connection(options.channel)
                    .evaluateOptions(deadline(options.evaluateTimeout))
                    .endorseOptions(deadline(options.endorseTimeout))
                    .submitOptions(deadline(options.submitTimeout))
                    .commitStatusOptions(deadline(options.commitStatusTimeout))
                    .connect();
        } catch (IOException | CertificateException | InvalidKeyException e) {
            throw new IllegalStateException("cannot load ledger identity " + identity.name() + " ("
                    + identity.certificate() + ", " + identity.privateKey() + "): " + e.getMessage(), e);
        }
    }

    private static UnaryOperator<CallOptions> deadline(final Duration timeout) {
        return callOptions -> callOptions.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adapts the SDK's iterator. */
    private static final class SdkEventStream implements LedgerEventStream {
        private final CloseableIterator<ChaincodeEvent> events;

        SdkEventStream(final CloseableIterator<ChaincodeEvent> events) {
            this.events = events;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public LedgerEvent next() {
            if (!events.hasNext()) {
                throw new NoSuchElementException();
            }
            final ChaincodeEvent event = events.next();
            return new LedgerEvent(event.getBlockNumber(), event.getTransactionId(), event.getEventName(),
                    event.getPayload());
        }

        @Override
        public void close() {
            events.close();
        }
    }

    /** The builder; every option is required but the conflict retries (none) and their backoff (10 ms). */
    static final class BuilderImpl implements LedgerClient.Builder {
        /** Retries of an invalidated transaction: beyond this a conflict is not transient. */
        static final int CONFLICT_RETRIES_MAX = 20;

        private ManagedChannel channel;
        private String channelName;
        private String chaincodeName;
        private List<LedgerIdentity> identities = List.of();
        private Duration evaluateTimeout;
        private Duration endorseTimeout;
        private Duration submitTimeout;
        private Duration commitStatusTimeout;
        private int conflictRetries;
        private Duration conflictBackoff = Duration.ofMillis(10);

        @Override
        public Builder channel(final ManagedChannel value) {
            this.channel = Objects.requireNonNull(value, "channel");
            return this;
        }

        @Override
        public Builder channelName(final String value) {
            this.channelName = Objects.requireNonNull(value, "channelName");
            return this;
        }

        @Override
        public Builder chaincodeName(final String value) {
            this.chaincodeName = Objects.requireNonNull(value, "chaincodeName");
            return this;
        }

        @Override
        public Builder identities(final Collection<LedgerIdentity> value) {
            this.identities = List.copyOf(value);
            return this;
        }

        @Override
        public Builder evaluateTimeout(final Duration value) {
            this.evaluateTimeout = positive(value, "evaluateTimeout");
            return this;
        }

        @Override
        public Builder endorseTimeout(final Duration value) {
            this.endorseTimeout = positive(value, "endorseTimeout");
            return this;
        }

        @Override
        public Builder submitTimeout(final Duration value) {
            this.submitTimeout = positive(value, "submitTimeout");
            return this;
        }

        @Override
        public Builder commitStatusTimeout(final Duration value) {
            this.commitStatusTimeout = positive(value, "commitStatusTimeout");
            return this;
        }

        @Override
        public Builder conflictRetries(final int value) {
            if (value < 0 || value > CONFLICT_RETRIES_MAX) {
                throw new IllegalArgumentException("conflictRetries must be 0.." + CONFLICT_RETRIES_MAX + ": " + value);
            }
            this.conflictRetries = value;
            return this;
        }

        @Override
        public Builder conflictBackoff(final Duration value) {
            this.conflictBackoff = positive(value, "conflictBackoff");
            return this;
        }

        @Override
        public LedgerClient build() {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(channelName, "channelName");
            Objects.requireNonNull(chaincodeName, "chaincodeName");
            Objects.requireNonNull(evaluateTimeout, "evaluateTimeout");
            Objects.requireNonNull(endorseTimeout, "endorseTimeout");
            Objects.requireNonNull(submitTimeout, "submitTimeout");
            Objects.requireNonNull(commitStatusTimeout, "commitStatusTimeout");
            if (identities.isEmpty()) {
                throw new IllegalArgumentException("no ledger identities");
            }
            return new FabricLedgerClient(this);
        }

        private static Duration positive(final Duration value, final String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
