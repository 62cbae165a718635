// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.SigningIdentity;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The ledger: blocks in an append-only file forced to disk before anything else changes; state, history, block and
 * transaction indexes in RocksDB, updated in one atomic batch per commit together with the savepoint (the last block
 * they include). RocksDB's write-ahead log is not forced: after a crash the indexes may lag the block file, and
 * {@link #open} replays the blocks after the savepoint.
 */
final class RocksLedger implements Ledger {
    private static final Logger LOG = Logger.getLogger(RocksLedger.class.getName());
    private static final int BLOCK_CACHE_ENTRIES = 256;

    private final String channelId;
    private final SigningIdentity signer;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions = new WriteOptions();
    private final BlockFile file;
    private final List<Consumer<Block>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock heightLock = new ReentrantLock();
    private final Condition heightChanged = heightLock.newCondition();
    private final Map<Long, Block> cache = new LinkedHashMap<>(BLOCK_CACHE_ENTRIES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Block> eldest) {
            return size() > BLOCK_CACHE_ENTRIES;
        }
    };
    private volatile long height;
    private Block lastBlock;

    private RocksLedger(final String channelId, final SigningIdentity signer, final Options options, final RocksDB db,
            final BlockFile file) {
        this.channelId = channelId;
        this.signer = signer;
        this.options = options;
        this.db = db;
        this.file = file;
    }

    static RocksLedger open(final Path directory, final String channelId, final SigningIdentity signer)
            throws IOException {
        Files.createDirectories(directory);
        RocksDB.loadLibrary();
        final Options options = new Options().setCreateIfMissing(true);
        final RocksDB db;
        try {
            db = RocksDB.open(options, directory.resolve("index").toString());
        } catch (final RocksDBException e) {
            options.close();
            throw new IOException("cannot open the ledger index: " + e.getMessage(), e);
        }
        final RocksLedger ledger = new RocksLedger(channelId, signer, options, db,
                BlockFile.open(directory.resolve("blocks.dat")));
        try {
            ledger.recover();
        } catch (final IOException | RuntimeException e) {
            ledger.close();
            throw e;
        }
        return ledger;
    }

    /** Cuts off a torn tail and replays blocks that are in the file but not yet in the indexes. */
    private void recover() throws IOException {
        final byte[] savepoint = get(Keys.SAVEPOINT);
        long last = -1;
        long fileEnd = 0;
        if (savepoint != null) {
            final ByteBuffer buffer = ByteBuffer.wrap(savepoint);
            last = buffer.getLong();
            fileEnd = buffer.getLong();
        }
        if (file.end() < fileEnd) {
            throw new IOException("the block file is shorter than the ledger index says (" + file.end() + " < "
                    + fileEnd + " bytes): it was truncated or replaced; refusing to start");
        }
        height = last + 1;
        lastBlock = last < 0 ? null : block(last);
        final long sizeBefore = file.end();
        final List<BlockFile.Record> records = file.recover(fileEnd);
        if (file.end() < sizeBefore) {
            LOG.warning(() -> "cut " + (sizeBefore - file.end()) + " bytes of a torn write off the end of the block file");
        }
        for (final BlockFile.Record record : records) {
            final Block block = Block.parseFrom(record.bytes);
            final String problem = BlockHashing.checkLink(lastBlock, block);
            if (problem != null) {
                throw new IOException("block file is inconsistent after block " + last + ": " + problem);
            }
            replay(block, record);
            last = block.getHeader().getNumber();
        }
        if (!records.isEmpty()) {
            final long replayed = records.size();
            LOG.info(() -> "replayed " + replayed + " block(s) into the ledger index");
        }
    }

    private void replay(final Block block, final BlockFile.Record record) throws IOException {
        final byte[] filter = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                .toByteArray();
        final long number = block.getHeader().getNumber();
        try (WriteBatch batch = new WriteBatch()) {
            final StateUpdates updates = new StateUpdates(db);
            for (int i = 0; i < block.getData().getDataCount(); i++) {
                final TxValidationCode code = TxValidationCode.forNumber(filter[i]);
                final ParsedTx tx = parseCommitted(block.getData().getData(i));
                if (tx == null) {
                    continue;
                }
                if (code == TxValidationCode.VALID && tx.isEndorserTransaction()) {
                    updates.apply(tx, number, i, batch);
                }
                if (code != TxValidationCode.DUPLICATE_TXID && !tx.txId().isEmpty()) {
                    batch.put(Keys.tx(tx.txId()), txIndexValue(number, i, code));
                }
            }
            updates.writeTo(batch);
            batch.put(Keys.block(number), ByteBuffer.allocate(8).putLong(record.offset).array());
            batch.put(Keys.SAVEPOINT, ByteBuffer.allocate(16).putLong(number).putLong(record.end()).array());
            db.write(writeOptions, batch);
        } catch (final RocksDBException e) {
            throw new IOException("ledger index write failed", e);
        }
        published(block);
    }

    private static ParsedTx parseCommitted(final ByteString envelopeBytes) {
        try {
            return ParsedTx.parse(org.hyperledger.fabric.protos.common.Envelope.parseFrom(envelopeBytes));
        } catch (final InvalidProtocolBufferException | InvalidTransactionException e) {
            return null;
        }
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public long height() {
        return height;
    }

    @Override
    public Block block(final long number) throws IOException {
        if (number < 0 || number >= height) {
            return null;
        }
        synchronized (cache) {
            final Block cached = cache.get(number);
            if (cached != null) {
                return cached;
            }
        }
        final byte[] location = get(Keys.block(number));
        if (location == null) {
            throw new IOException("block " + number + " is missing from the block index");
        }
        final Block block = Block.parseFrom(file.read(ByteBuffer.wrap(location).getLong()));
        synchronized (cache) {
            cache.put(number, block);
        }
        return block;
    }

    @Override
    public TxStatus transaction(final String txId) {
        try {
            final byte[] value = get(Keys.tx(txId));
            if (value == null) {
                return null;
            }
            final ByteBuffer buffer = ByteBuffer.wrap(value);
            return new TxStatus(txId, buffer.getLong(), buffer.getInt(), TxValidationCode.forNumber(buffer.getInt()));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ByteString validationParameter(final String namespace, final String key) {
        try {
            final byte[] bytes = get(Keys.state(namespace, key));
            return bytes == null ? null : StateUpdates.validationParameter(VersionedValue.decode(bytes));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SharedSnapshot snapshot(final String txId) {
        final org.rocksdb.Snapshot snapshot = db.getSnapshot();
        final java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger(1);
        final Runnable release = () -> {
            if (holders.decrementAndGet() == 0) {
                db.releaseSnapshot(snapshot);
            }
        };
        return new SharedSnapshot() {
            private boolean closed;

            @Override
            public Simulation newSimulation() {
                holders.incrementAndGet();
                return new RocksSimulation(db, txId, snapshot, release);
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    release.run();
                }
            }
        };
    }

    @Override
    public Simulation newSimulation(final String txId) {
        return new RocksSimulation(db, txId);
    }

    @Override
    public synchronized List<Block> commit(final List<List<OrderedTx>> batches) throws IOException {
        final List<Block> blocks = new ArrayList<>(batches.size());
        final StateUpdates updates = new StateUpdates(db);
        final Set<String> txIds = new HashSet<>();
        try (WriteBatch batch = new WriteBatch()) {
            Block previous = lastBlock;
            long fileEnd = file.end();
            for (final List<OrderedTx> txs : batches) {
                final Block block = validate(previous, txs, updates, txIds, batch);
                final long offset = file.append(block.toByteArray());
                fileEnd = file.end();
                batch.put(Keys.block(block.getHeader().getNumber()), ByteBuffer.allocate(8).putLong(offset).array());
                blocks.add(block);
                previous = block;
            }
            file.sync();
            updates.writeTo(batch);
            batch.put(Keys.SAVEPOINT, ByteBuffer.allocate(16).putLong(previous.getHeader().getNumber())
                    .putLong(fileEnd).array());
            db.write(writeOptions, batch);
        } catch (final RocksDBException e) {
            throw new IOException("ledger index write failed", e);
        }
        blocks.forEach(this::published);
        return blocks;
    }

    /** Builds the next block from ordered transactions and validates them in order. */
    private Block validate(final Block previous, final List<OrderedTx> txs, final StateUpdates updates,
            final Set<String> txIds, final WriteBatch batch) throws RocksDBException, IOException {
        final long number = previous == null ? 0 : previous.getHeader().getNumber() + 1;
        final BlockData.Builder data = BlockData.newBuilder();
        final byte[] filter = new byte[txs.size()];
        for (int i = 0; i < txs.size(); i++) {
            final OrderedTx tx = txs.get(i);
            data.addData(tx.parsed().envelope().toByteString());
            final String txId = tx.parsed().txId();
            TxValidationCode code = tx.precheck();
            final boolean duplicate = !txId.isEmpty() && (txIds.contains(txId) || get(Keys.tx(txId)) != null);
            if (code == TxValidationCode.VALID && duplicate) {
                code = TxValidationCode.DUPLICATE_TXID;
            }
            if (code == TxValidationCode.VALID && tx.parsed().isEndorserTransaction() && tx.endorsements() != null) {
                // Endorsement policies before MVCC, as Fabric's VSCC runs before its MVCC check.
                code = updates.validateEndorsements(tx.parsed(), tx.endorsements());
            }
            if (code == TxValidationCode.VALID && tx.parsed().isEndorserTransaction()) {
                code = updates.validate(tx.parsed());
                if (code == TxValidationCode.VALID) {
                    updates.apply(tx.parsed(), number, i, batch);
                }
            }
            if (!duplicate && !txId.isEmpty()) {
                txIds.add(txId);
                batch.put(Keys.tx(txId), txIndexValue(number, i, code));
            }
            filter[i] = (byte) code.getNumber();
        }
        final BlockData blockData = data.build();
        final BlockHeader header = BlockHeader.newBuilder().setNumber(number)
                .setPreviousHash(previous == null ? ByteString.EMPTY
                        : ByteString.copyFrom(BlockHashing.headerHash(previous.getHeader())))
                .setDataHash(ByteString.copyFrom(BlockHashing.dataHash(blockData))).build();
        return Block.newBuilder().setHeader(header).setData(blockData).setMetadata(metadata(header, filter)).build();
    }

    /** Fabric's five metadata entries: orderer signature, last config (deprecated), validation codes, two empties. */
    private BlockMetadata metadata(final BlockHeader header, final byte[] filter) {
        final ByteString value = OrdererBlockMetadata.newBuilder()
                .setLastConfig(LastConfig.newBuilder().setIndex(0)).build().toByteString();
        final ByteString signatureHeader = SignatureHeader.newBuilder().setCreator(signer.serialized())
                .setNonce(ByteString.copyFrom(Crypto.randomBytes(24))).build().toByteString();
        final byte[] signature = signer.sign(value.toByteArray(), signatureHeader.toByteArray(),
                BlockHashing.headerBytes(header));
        final Metadata signatures = Metadata.newBuilder().setValue(value).addSignatures(MetadataSignature.newBuilder()
                .setSignatureHeader(signatureHeader).setSignature(ByteString.copyFrom(signature))).build();
        return BlockMetadata.newBuilder()
                .addMetadata(signatures.toByteString())
                .addMetadata(Metadata.newBuilder().setValue(LastConfig.newBuilder().setIndex(0).build().toByteString())
                        .build().toByteString())
                .addMetadata(ByteString.copyFrom(filter))
                .addMetadata(ByteString.EMPTY)
                .addMetadata(ByteString.EMPTY)
                .build();
    }

    private static byte[] txIndexValue(final long block, final int txNumber, final TxValidationCode code) {
        return ByteBuffer.allocate(16).putLong(block).putInt(txNumber).putInt(code.getNumber()).array();
    }

    /** Makes a committed block visible: height, cache, waiters, listeners. */
    private void published(final Block block) {
        synchronized (cache) {
            cache.put(block.getHeader().getNumber(), block);
        }
        lastBlock = block;
        heightLock.lock();
        try {
            height = block.getHeader().getNumber() + 1;
            heightChanged.signalAll();
        } finally {
            heightLock.unlock();
        }
        for (final Consumer<Block> listener : listeners) {
            try {
                listener.accept(block);
            } catch (final RuntimeException e) {
                LOG.log(Level.WARNING, "commit listener failed", e);
            }
        }
    }

    @Override
    public void addCommitListener(final Consumer<Block> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean awaitHeight(final long target, final long timeoutMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        heightLock.lock();
        try {
            while (height < target) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = heightChanged.awaitNanos(remaining);
            }
            return true;
        } finally {
            heightLock.unlock();
        }
    }

    @Override
    public String verifyChain() throws IOException {
        Block previous = null;
        final long top = height;
        for (long number = 0; number < top; number++) {
            final Block block = block(number);
            final String problem = BlockHashing.checkLink(previous, block);
            if (problem != null) {
                return problem;
            }
            previous = block;
        }
        return null;
    }

    private byte[] get(final byte[] key) throws IOException {
        try {
            return db.get(key);
        } catch (final RocksDBException e) {
            throw new IOException("ledger index read failed", e);
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (final IOException e) {
            LOG.log(Level.WARNING, "closing the block file failed", e);
        }
        writeOptions.close();
        db.close();
        options.close();
    }
}
