// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataEntry;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/** A simulation reading from one RocksDB snapshot. Synchronized: a shim may interleave a transaction's requests. */
final class RocksSimulation implements Simulation {
    /** Fabric's default {@code totalQueryLimit}: the most results one unpaginated query returns. */
    static final int QUERY_RESULTS_MAX = 100_000;
    /** Open range and history queries one transaction may hold. */
    static final int OPEN_QUERIES_MAX = 1_000;
    /** Fabric orders keys as UTF-8 bytes (Go strings), which Java's UTF-16 order differs from above the BMP. */
    static final Comparator<String> UTF8_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final RocksDB db;
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private final String txId;
    private final Map<String, Map<String, KVRead>> reads = new TreeMap<>();
    private final Map<String, Map<String, KVWrite>> writes = new TreeMap<>();
    private final Map<String, Map<String, Map<String, ByteString>>> metadataWrites = new TreeMap<>();
    private final Map<String, List<Range>> ranges = new TreeMap<>();
    private boolean writePerformed;
    private boolean paginatedQueryPerformed;
    private int openQueries;
    private boolean closed;

    /** Called on close instead of releasing the snapshot, when the snapshot is shared; else null. */
    private final Runnable release;

    RocksSimulation(final RocksDB db, final String txId) {
        this(db, txId, db.getSnapshot(), null);
    }

    /** A simulation on a snapshot shared with others; {@code release} runs once when this one closes. */
    RocksSimulation(final RocksDB db, final String txId, final Snapshot snapshot, final Runnable release) {
        this.db = db;
        this.txId = txId;
        this.snapshot = snapshot;
        this.readOptions = new ReadOptions().setSnapshot(snapshot);
        this.release = release;
    }

    @Override
    public synchronized byte[] getState(final String namespace, final String key) {
        final VersionedValue value = read(namespace, key);
        return value == null ? null : value.value();
    }

    @Override
    public synchronized StateMetadataResult getStateMetadata(final String namespace, final String key) {
        final VersionedValue value = read(namespace, key);
        return value == null ? StateMetadataResult.getDefaultInstance() : value.metadata();
    }

    @Override
    public synchronized void putState(final String namespace, final String key, final ByteString value)
            throws SimulationException {
        checkWrite(key);
        writes.computeIfAbsent(namespace, ns -> new TreeMap<>(UTF8_ORDER)).put(key,
                KVWrite.newBuilder().setKey(key).setIsDelete(value.isEmpty()).setValue(value).build());
    }

    @Override
    public synchronized void deleteState(final String namespace, final String key) throws SimulationException {
        putState(namespace, key, ByteString.EMPTY);
    }

    @Override
    public synchronized void putStateMetadata(final String namespace, final String key, final String name,
            final ByteString value) throws SimulationException {
        checkWrite(key);
        metadataWrites.computeIfAbsent(namespace, ns -> new TreeMap<>(UTF8_ORDER))
                .computeIfAbsent(key, k -> new TreeMap<>(UTF8_ORDER)).put(name, value);
    }

    @Override
    public synchronized RangeQuery rangeQuery(final String namespace, final String startKey, final String endKey,
            final int pageSize, final String bookmark) throws SimulationException {
        checkOpen();
        if (pageSize < 0) {
            throw new SimulationException("page size must not be negative");
        }
        if (pageSize > 0) {
            if (writePerformed) {
                throw new SimulationException("txid [" + txId + "]: unsuccessful attempt to execute paginated query"
                        + " after performing write. Transactions containing paginated queries should be read-only");
            }
            paginatedQueryPerformed = true;
        }
        final String start = pageSize > 0 && !bookmark.isEmpty() ? bookmark : startKey;
        final Range range = new Range(namespace, start, endKey, pageSize);
        ranges.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(range);
        return range;
    }

    @Override
    public synchronized HistoryQuery historyQuery(final String namespace, final String key)
            throws SimulationException {
        checkOpen();
        return new History(Keys.historyPrefix(namespace, key));
    }

    @Override
    public synchronized TxReadWriteSet results() {
        final TreeMap<String, KVRWSet.Builder> sets = new TreeMap<>();
        reads.forEach((ns, byKey) -> sets.computeIfAbsent(ns, n -> KVRWSet.newBuilder()).addAllReads(byKey.values()));
        ranges.forEach((ns, list) -> list.forEach(range ->
                sets.computeIfAbsent(ns, n -> KVRWSet.newBuilder()).addRangeQueriesInfo(range.info())));
        writes.forEach((ns, byKey) -> sets.computeIfAbsent(ns, n -> KVRWSet.newBuilder()).addAllWrites(byKey.values()));
        metadataWrites.forEach((ns, byKey) -> byKey.forEach((key, entries) -> {
            final KVMetadataWrite.Builder write = KVMetadataWrite.newBuilder().setKey(key);
            entries.forEach((name, value) -> write.addEntries(KVMetadataEntry.newBuilder().setName(name).setValue(value)));
            sets.computeIfAbsent(ns, n -> KVRWSet.newBuilder()).addMetadataWrites(write);
        }));
        final TxReadWriteSet.Builder result = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV);
        sets.forEach((ns, set) -> result.addNsRwset(
                NsReadWriteSet.newBuilder().setNamespace(ns).setRwset(set.build().toByteString())));
        return result.build();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            readOptions.close();
            if (release == null) {
                db.releaseSnapshot(snapshot);
            } else {
                release.run();
            }
        }
    }

    private VersionedValue read(final String namespace, final String key) {
        if (closed) {
            throw new IllegalStateException("simulation " + txId + " is closed");
        }
        final VersionedValue value;
        try {
            final byte[] bytes = db.get(readOptions, Keys.state(namespace, key));
            value = bytes == null ? null : VersionedValue.decode(bytes);
        } catch (final RocksDBException e) {
            throw new IllegalStateException("state read failed", e);
        }
        reads.computeIfAbsent(namespace, ns -> new TreeMap<>(UTF8_ORDER)).computeIfAbsent(key, k -> {
            final KVRead.Builder kvRead = KVRead.newBuilder().setKey(key);
            if (value != null) {
                kvRead.setVersion(value.version());
            }
            return kvRead.build();
        });
        return value;
    }

    private void checkWrite(final String key) throws SimulationException {
        if (key.isEmpty()) {
            throw new SimulationException("an empty key is not allowed");
        }
        if (paginatedQueryPerformed) {
            throw new SimulationException("txid [" + txId + "]: unsuccessful attempt to write after performing a"
                    + " paginated query. Transactions containing paginated queries should be read-only");
        }
        writePerformed = true;
    }

    private void checkOpen() throws SimulationException {
        if (++openQueries > OPEN_QUERIES_MAX) {
            throw new SimulationException("a transaction may open at most " + OPEN_QUERIES_MAX + " queries");
        }
    }

    /** A range query; re-seeks for every batch so no native iterator outlives a request. */
    private final class Range implements RangeQuery {
        private final String namespace;
        private final int prefixLength;
        private final byte[] end;
        private final int pageSize;
        private final RangeQueryInfo.Builder info;
        private final List<KVRead> rangeReads = new ArrayList<>();
        private byte[] next;
        private boolean done;
        private String bookmark = "";

        Range(final String namespace, final String startKey, final String endKey, final int pageSize) {
            this.namespace = namespace;
            final byte[] prefix = Keys.namespacePrefix(Keys.STATE, namespace);
            this.prefixLength = prefix.length;
            this.next = Keys.state(namespace, startKey);
            this.end = endKey.isEmpty() ? Keys.prefixEnd(prefix) : Keys.state(namespace, endKey);
            this.pageSize = pageSize;
            this.info = RangeQueryInfo.newBuilder().setStartKey(startKey).setEndKey(endKey);
        }

        @Override
        public List<KV> fetch(final int max) {
            synchronized (RocksSimulation.this) {
                if (done || closed) {
                    return List.of();
                }
                final int limit = Math.min(max, (pageSize > 0 ? pageSize : QUERY_RESULTS_MAX) - rangeReads.size());
                final List<KV> results = new ArrayList<>();
                try (RocksIterator iterator = db.newIterator(readOptions)) {
                    iterator.seek(next);
                    while (results.size() < limit && inRange(iterator)) {
                        final VersionedValue value = VersionedValue.decode(iterator.value());
                        final String key = Keys.userKey(iterator.key(), prefixLength);
                        results.add(KV.newBuilder().setNamespace(namespace).setKey(key)
                                .setValue(value.valueBytes()).build());
                        rangeReads.add(KVRead.newBuilder().setKey(key).setVersion(value.version()).build());
                        iterator.next();
                    }
                    advance(iterator);
                }
                return results;
            }
        }

        private void advance(final RocksIterator iterator) {
            if (!inRange(iterator)) {
                done = true;
                info.setItrExhausted(true);
                return;
            }
            next = iterator.key();
            if (pageSize > 0 && rangeReads.size() >= pageSize) {
                done = true;
                bookmark = Keys.userKey(next, prefixLength);
            } else if (pageSize == 0 && rangeReads.size() >= QUERY_RESULTS_MAX) {
                done = true;
            }
        }

        private boolean inRange(final RocksIterator iterator) {
            return iterator.isValid() && Keys.compare(iterator.key(), end) < 0;
        }

        @Override
        public boolean done() {
            synchronized (RocksSimulation.this) {
                return done;
            }
        }

        @Override
        public int fetchedCount() {
            synchronized (RocksSimulation.this) {
                return rangeReads.size();
            }
        }

        @Override
        public String bookmark() {
            synchronized (RocksSimulation.this) {
                return bookmark;
            }
        }

        RangeQueryInfo info() {
            return info.clone().setRawReads(QueryReads.newBuilder().addAllKvReads(rangeReads)).build();
        }
    }

    /** A history query, newest first, resuming below the last entry returned. */
    private final class History implements HistoryQuery {
        private final byte[] prefix;
        private byte[] last;
        private boolean done;

        History(final byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public List<KeyModification> fetch(final int max) {
            synchronized (RocksSimulation.this) {
                if (done || closed) {
                    return List.of();
                }
                final List<KeyModification> results = new ArrayList<>();
                try (RocksIterator iterator = db.newIterator(readOptions)) {
                    if (last == null) {
                        final byte[] top = Arrays.copyOf(prefix, prefix.length + 16);
                        Arrays.fill(top, prefix.length, top.length, (byte) 0xFF);
                        iterator.seekForPrev(top);
                    } else {
                        iterator.seekForPrev(last);
                        if (iterator.isValid() && Arrays.equals(iterator.key(), last)) {
                            iterator.prev();
                        }
                    }
                    while (results.size() < max && matches(iterator)) {
                        results.add(KeyModification.parseFrom(iterator.value()));
                        last = iterator.key();
                        iterator.prev();
                    }
                    done = !matches(iterator);
                } catch (final InvalidProtocolBufferException e) {
                    throw new IllegalStateException("corrupt history entry", e);
                }
                return results;
            }
        }

        private boolean matches(final RocksIterator iterator) {
            if (!iterator.isValid()) {
                return false;
            }
            final byte[] key = iterator.key();
            return key.length == prefix.length + 16 && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
        }

        @Override
        public boolean done() {
            synchronized (RocksSimulation.this) {
                return done;
            }
        }
    }
}
