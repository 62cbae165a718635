// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.StateMetadata;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The world-state updates of the blocks being committed, layered over the committed state: validation of a
 * transaction sees the committed state plus every valid transaction before it, as in Fabric. Also writes the history
 * entries of applied transactions.
 */
final class StateUpdates {
    /** A deleted key in the overlay. */
    private static final VersionedValue DELETED = new VersionedValue(-1, -1, null, null);

    private final RocksDB db;
    private final NavigableMap<byte[], VersionedValue> updates = new TreeMap<>(Keys::compare);

    StateUpdates(final RocksDB db) {
        this.db = db;
    }

    /** The current value of a state key (committed or updated in this batch), or null. */
    VersionedValue get(final byte[] stateKey) {
        final VersionedValue updated = updates.get(stateKey);
        if (updated != null) {
            return updated == DELETED ? null : updated;
        }
        try {
            final byte[] bytes = db.get(stateKey);
            return bytes == null ? null : VersionedValue.decode(bytes);
        } catch (final RocksDBException e) {
            throw new IllegalStateException("state read failed", e);
        }
    }

    /** MVCC: every read still has the version it had, and every range query still returns what it returned. */
    TxValidationCode validate(final ParsedTx tx) {
        for (final ParsedTx.NsRwSet ns : tx.rwSets()) {
            for (final KVRead read : ns.rwSet().getReadsList()) {
                final VersionedValue current = get(Keys.state(ns.namespace(), read.getKey()));
                final boolean same = read.hasVersion() ? current != null && current.hasVersion(read.getVersion())
                        : current == null;
                if (!same) {
                    return TxValidationCode.MVCC_READ_CONFLICT;
                }
            }
            for (final RangeQueryInfo range : ns.rwSet().getRangeQueriesInfoList()) {
                if (!rangeUnchanged(ns.namespace(), range)) {
                    return TxValidationCode.PHANTOM_READ_CONFLICT;
                }
            }
        }
        return TxValidationCode.VALID;
    }

    /**
     * Fabric's endorsement-policy validation with key-level policies: every written key (value or metadata) that
     * has a validation parameter, as committed or set by an earlier valid transaction of these blocks, must be
     * satisfied; the chaincode's policy is checked for the keys without one, and for a transaction that writes none.
     */
    TxValidationCode validateEndorsements(final ParsedTx tx, final EndorsementPolicyCheck endorsements) {
        boolean chaincodePolicyNeeded = false;
        boolean anyWrite = false;
        for (final ParsedTx.NsRwSet ns : tx.rwSets()) {
            final List<String> keys = new ArrayList<>();
            ns.rwSet().getWritesList().forEach(write -> keys.add(write.getKey()));
            ns.rwSet().getMetadataWritesList().forEach(write -> keys.add(write.getKey()));
            for (final String key : keys) {
                anyWrite = true;
                final ByteString parameter = validationParameter(get(Keys.state(ns.namespace(), key)));
                if (parameter == null) {
                    chaincodePolicyNeeded = true;
                } else if (!endorsements.satisfies(parameter)) {
                    return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
                }
            }
        }
        if ((chaincodePolicyNeeded || !anyWrite) && !endorsements.satisfiesChaincodePolicy()) {
            return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
        }
        return TxValidationCode.VALID;
    }

    /** The key's VALIDATION_PARAMETER metadata, or null if it has none (or does not exist). */
    static ByteString validationParameter(final VersionedValue value) {
        if (value == null) {
            return null;
        }
        for (final StateMetadata entry : value.metadata().getEntriesList()) {
            if (entry.getMetakey().equals(EndorsementPolicyCheck.VALIDATION_PARAMETER)) {
                return entry.getValue().isEmpty() ? null : entry.getValue();
            }
        }
        return null;
    }

    /** Applies a valid transaction's writes at version (block, txNumber) and adds their history entries. */
    void apply(final ParsedTx tx, final long block, final int txNumber, final WriteBatch batch)
            throws RocksDBException {
        for (final ParsedTx.NsRwSet ns : tx.rwSets()) {
            final KVRWSet rwSet = ns.rwSet();
            for (final KVWrite write : rwSet.getWritesList()) {
                final byte[] key = Keys.state(ns.namespace(), write.getKey());
                if (write.getIsDelete()) {
                    updates.put(key, DELETED);
                } else {
                    final VersionedValue existing = get(key);
                    final StateMetadataResult metadata = existing == null ? StateMetadataResult.getDefaultInstance()
                            : existing.metadata();
                    updates.put(key, new VersionedValue(block, txNumber, metadata, write.getValue().toByteArray()));
                }
                batch.put(Keys.history(ns.namespace(), write.getKey(), block, txNumber), KeyModification.newBuilder()
                        .setTxId(tx.txId()).setTimestamp(tx.timestamp()).setIsDelete(write.getIsDelete())
                        .setValue(write.getIsDelete() ? ByteString.EMPTY : write.getValue()).build().toByteArray());
            }
            for (final KVMetadataWrite write : rwSet.getMetadataWritesList()) {
                final byte[] key = Keys.state(ns.namespace(), write.getKey());
                final VersionedValue existing = get(key);
                if (existing != null) {
                    final StateMetadataResult.Builder metadata = StateMetadataResult.newBuilder();
                    write.getEntriesList().forEach(entry -> metadata.addEntries(
                            StateMetadata.newBuilder().setMetakey(entry.getName()).setValue(entry.getValue())));
                    updates.put(key, new VersionedValue(block, txNumber, metadata.build(), existing.value()));
                }
            }
        }
    }

    /** Adds the state updates to the batch. */
    void writeTo(final WriteBatch batch) throws RocksDBException {
        for (final Map.Entry<byte[], VersionedValue> entry : updates.entrySet()) {
            if (entry.getValue() == DELETED) {
                batch.delete(entry.getKey());
            } else {
                batch.put(entry.getKey(), entry.getValue().encode());
            }
        }
    }

    /**
     * Re-runs a range query over the current state: Fabric's phantom check. A query read to its end must return the
     * same keys and versions and nothing more; a query abandoned early must return the same up to its last key.
     */
    private boolean rangeUnchanged(final String namespace, final RangeQueryInfo range) {
        if (range.hasReadsMerkleHashes()) {
            return false;
        }
        final List<KVRead> reads = range.getRawReads().getKvReadsList();
        final byte[] start = Keys.state(namespace, range.getStartKey());
        final byte[] end;
        final boolean endInclusive;
        if (range.getItrExhausted()) {
            end = range.getEndKey().isEmpty() ? Keys.prefixEnd(Keys.namespacePrefix(Keys.STATE, namespace))
                    : Keys.state(namespace, range.getEndKey());
            endInclusive = false;
        } else if (reads.isEmpty()) {
            return true;
        } else {
            end = Keys.state(namespace, reads.get(reads.size() - 1).getKey());
            endInclusive = true;
        }
        final List<Map.Entry<byte[], VersionedValue>> current = scan(start, end, endInclusive, reads.size() + 1);
        if (current.size() != reads.size()) {
            return false;
        }
        final int prefixLength = Keys.namespacePrefix(Keys.STATE, namespace).length;
        for (int i = 0; i < reads.size(); i++) {
            final KVRead read = reads.get(i);
            final Map.Entry<byte[], VersionedValue> entry = current.get(i);
            if (!read.getKey().equals(Keys.userKey(entry.getKey(), prefixLength))
                    || !entry.getValue().hasVersion(read.getVersion())) {
                return false;
            }
        }
        return true;
    }

    /** Up to {@code limit} live entries in the range, committed state merged with this batch's updates. */
    private List<Map.Entry<byte[], VersionedValue>> scan(final byte[] start, final byte[] end,
            final boolean endInclusive, final int limit) {
        final List<Map.Entry<byte[], VersionedValue>> result = new ArrayList<>();
        final Iterator<Map.Entry<byte[], VersionedValue>> overlay =
                updates.subMap(start, true, end, endInclusive).entrySet().iterator();
        Map.Entry<byte[], VersionedValue> pending = overlay.hasNext() ? overlay.next() : null;
        try (RocksIterator committed = db.newIterator()) {
            committed.seek(start);
            while (result.size() < limit) {
                final byte[] committedKey = committed.isValid() && before(committed.key(), end, endInclusive)
                        ? committed.key() : null;
                if (committedKey == null && pending == null) {
                    break;
                }
                final int order = committedKey == null ? 1 : pending == null ? -1 : Keys.compare(committedKey,
                        pending.getKey());
                if (order < 0) {
                    result.add(Map.entry(committedKey, VersionedValue.decode(committed.value())));
                    committed.next();
                    continue;
                }
                if (order == 0) {
                    committed.next();
                }
                if (pending.getValue() != DELETED) {
                    result.add(pending);
                }
                pending = overlay.hasNext() ? overlay.next() : null;
            }
        }
        return result;
    }

    private static boolean before(final byte[] key, final byte[] end, final boolean inclusive) {
        final int order = Keys.compare(key, end);
        return inclusive ? order <= 0 : order < 0;
    }
}
