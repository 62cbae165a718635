// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's view of an {@link InMemoryLedger}, behaving as a Fabric peer's transaction simulator does:
 * reads see committed state only (not this transaction's own writes) and are recorded with their versions; writes
 * go to a write set that the ledger applies only if the transaction succeeds; simple range queries cannot reach
 * composite keys; paged queries and writes exclude each other within a transaction; only the last event set counts.
 * Key-level validation parameters (state-based endorsement) are read from committed state and written with the
 * write set. CouchDB rich queries, private data and chaincode-to-chaincode calls are not used by the traceability
 * chaincode and throw.
 */
public final class TransactionStub implements ChaincodeStub {
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";
    private static final String COMPOSITE_NAMESPACE = "\u0000";

    private final InMemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final Map<String, byte[]> transientData;
    private final List<byte[]> args;
    private final Map<String, Long> readSet = new LinkedHashMap<>();
    private final Map<String, byte[]> writeSet = new LinkedHashMap<>();
    private final Map<String, byte[]> validationParameters = new LinkedHashMap<>();
    private ChaincodeEvent event;
    private boolean pagedQueryDone;

    TransactionStub(final InMemoryLedger ledger, final String txId, final Instant timestamp, final byte[] creator,
            final Map<String, byte[]> transientData, final List<byte[]> args) {
        this.ledger = ledger;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        this.transientData = Map.copyOf(transientData);
        this.args = List.copyOf(args);
    }

    Map<String, Long> readSet() {
        return readSet;
    }

    /** @return how many distinct keys the transaction read */
    public int readCount() {
        return readSet.size();
    }

    /** @return the write set: key to value, null meaning delete */
    public Map<String, byte[]> writeSet() {
        return writeSet;
    }

    @Override
    public List<byte[]> getArgs() {
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return getStringArgs().isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        return getStringArgs().stream().skip(1).toList();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return "medtrace";
    }

    @Override
    public Chaincode.Response invokeChaincode(final String chaincodeName, final List<byte[]> arguments,
            final String channel) {
        throw new UnsupportedOperationException("chaincode-to-chaincode calls are not used");
    }

    @Override
    public byte[] getState(final String key) {
        requireKey(key);
        InMemoryLedger.Versioned value = ledger.read(key);
        readSet.putIfAbsent(key, value == null ? -1 : value.version());
        return value == null ? new byte[0] : value.value().clone();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        requireKey(key);
        byte[] value = ledger.validationParameter(key);
        return value == null ? new byte[0] : value;
    }

    @Override
    public void putState(final String key, final byte[] value) {
        requireKey(key);
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("putState of an empty value for " + key);
        }
        requireNoPagedQuery();
        writeSet.put(key, value.clone());
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        requireKey(key);
        requireNoPagedQuery();
        validationParameters.put(key, value == null ? new byte[0] : value.clone());
    }

    /** @return the key-level validation parameters the transaction set: key to serialized policy */
    public Map<String, byte[]> validationParameters() {
        return validationParameters;
    }

    @Override
    public void delState(final String key) {
        requireKey(key);
        requireNoPagedQuery();
        writeSet.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        String start = startKey == null || startKey.isEmpty() ? "\u0001" : startKey;
        String end = endKey == null || endKey.isEmpty() ? MAX_UNICODE_RUNE : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return iterator(ledger.range(start, end), Integer.MAX_VALUE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(final String startKey,
            final String endKey, final int pageSize, final String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? "\u0001" : startKey;
        String end = endKey == null || endKey.isEmpty() ? MAX_UNICODE_RUNE : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return paged(start, end, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        String prefix = compositeKey == null || compositeKey.isEmpty() ? COMPOSITE_NAMESPACE : compositeKey;
        return iterator(ledger.range(prefix, prefix + MAX_UNICODE_RUNE), Integer.MAX_VALUE);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String objectType,
            final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes).toString());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.toString());
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        String prefix = compositeKey.toString();
        return paged(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    /** Fabric: a transaction that ran a paged query may not write, and one that wrote may not run a paged query. */
    private QueryResultsIteratorWithMetadata<KeyValue> paged(final String start, final String end,
            final int pageSize, final String bookmark) {
        if (!writeSet.isEmpty()) {
            throw new IllegalStateException("txid [" + txId + "]: paged queries are not supported in a transaction "
                    + "that writes");
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive");
        }
        pagedQueryDone = true;
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        if (from.compareTo(start) < 0 || from.compareTo(end) >= 0) {
            throw new IllegalArgumentException("bookmark out of range");
        }
        NavigableMap<String, InMemoryLedger.Versioned> entries = ledger.range(from, end);
        String next = entries.size() > pageSize ? new ArrayList<>(entries.keySet()).get(pageSize) : "";
        Iterator<KeyValue> page = iterator(entries, pageSize).iterator();
        List<KeyValue> list = new ArrayList<>();
        page.forEachRemaining(list::add);
        QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder().setBookmark(next)
                .setFetchedRecordsCount(list.size()).build();
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return metadata;
            }

            @Override
            public void close() {
            }

            @Override
            public Iterator<KeyValue> iterator() {
                return list.iterator();
            }
        };
    }

    private QueryResultsIterator<KeyValue> iterator(final NavigableMap<String, InMemoryLedger.Versioned> entries,
            final int max) {
        List<KeyValue> list = new ArrayList<>();
        for (Map.Entry<String, InMemoryLedger.Versioned> entry : entries.entrySet()) {
            if (list.size() == max) {
                break;
            }
            list.add(new Entry(entry.getKey(), entry.getValue().value().clone()));
        }
        return new QueryResultsIterator<>() {
            @Override
            public void close() {
            }

            @Override
            public Iterator<KeyValue> iterator() {
                return list.iterator();
            }
        };
    }

    private record Entry(String getKey, byte[] getValue) implements KeyValue {
        @Override
        public String getStringValue() {
            return new String(getValue, StandardCharsets.UTF_8);
        }
    }

    private record Change(String getTxId, byte[] getValue, Instant getTimestamp, boolean isDeleted)
            implements KeyModification {
        @Override
        public String getStringValue() {
            return new String(getValue, StandardCharsets.UTF_8);
        }
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw new UnsupportedOperationException("rich queries need CouchDB and are not used");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(final String query,
            final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException("rich queries need CouchDB and are not used");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        requireKey(key);
        List<KeyModification> list = ledger.history(key).stream()
                .map(m -> (KeyModification) new Change(m.txId(), m.value(), m.timestamp(), m.deleted())).toList();
        return new QueryResultsIterator<>() {
            @Override
            public void close() {
            }

            @Override
            public Iterator<KeyModification> iterator() {
                return list.iterator();
            }
        };
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(final String collection, final String startKey,
            final String endKey) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String compositeKey) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final CompositeKey compositeKey) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(final String collection,
            final String objectType, final String... attributes) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw new UnsupportedOperationException("private data is not used");
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be empty string");
        }
        event = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId).setChaincodeId("traceability")
                .setPayload(payload == null ? ByteString.EMPTY : ByteString.copyFrom(payload)).build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public SignedProposal getSignedProposal() {
        return SignedProposal.getDefaultInstance();
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return transientData;
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public String getMspId() {
        return "DevPeerMSP";
    }

    private static void requireKey(final String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    private void requireNoPagedQuery() {
        if (pagedQueryDone) {
            throw new IllegalStateException("txid [" + txId + "]: this transaction ran a paged query; writes are "
                    + "not allowed");
        }
    }
}
