// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;

/**
 * Typed world-state access for one transaction. A Fabric transaction does not read its own writes, so this class
 * remembers what it wrote and overlays it on later reads and scans of the same transaction; it also decodes each key
 * at most once.
 */
public final class State {
    private static final Object DELETED = new Object();

    private final ChaincodeStub stub;
    private final NavigableMap<String, Object> written = new TreeMap<>();
    private final Map<String, Object> read = new HashMap<>();

    State(final ChaincodeStub stub) {
        this.stub = stub;
    }

    /**
     * @param key a composite key
     * @param type the record type stored there
     * @return the record, or null if the key has no value
     */
    public <T> T get(final String key, final Class<T> type) {
        Object value = written.get(key);
        if (value == null) {
            value = read.get(key);
        }
        if (value == null) {
            byte[] bytes = stub.getState(key);
            if (bytes == null || bytes.length == 0) {
                return null;
            }
            value = Json.read(bytes, type);
            read.put(key, value);
        }
        return value == DELETED ? null : type.cast(value);
    }

    /** @return whether the key has a value */
    public boolean exists(final String key) {
        Object value = written.get(key);
        if (value != null) {
            return value != DELETED;
        }
        if (read.containsKey(key)) {
            return true;
        }
        byte[] bytes = stub.getState(key);
        return bytes != null && bytes.length > 0;
    }

    /** Writes the record's deterministic JSON under the key. */
    public void put(final String key, final Object record) {
        stub.putState(key, Json.bytes(record));
        written.put(key, record);
    }

    /**
     * Sets the key's key-level (state-based) endorsement policy: from this transaction on, a change of the key is
     * valid only if endorsed as the policy says, whatever the chaincode's own policy.
     *
     * @param key the key
     * @param policy a serialized {@code SignaturePolicyEnvelope}
     */
    public void endorsementPolicy(final String key, final byte[] policy) {
        stub.setStateValidationParameter(key, policy);
    }

    /** Deletes the key. */
    public void delete(final String key) {
        stub.delState(key);
        written.put(key, DELETED);
    }

    /**
     * Reads every record under a partial composite key, in key order, including this transaction's own writes.
     *
     * @param type the record type
     * @param max most records expected
     * @param overflow describes the overflow, for the LIMIT_EXCEEDED message
     * @param keyType the composite key's type
     * @param attributes the leading attributes
     * @return the records
     * @throws Refusal LIMIT_EXCEEDED if more than {@code max} records are found
     */
    public <T> List<T> scan(final Class<T> type, final int max, final Supplier<String> overflow,
            final String keyType, final String... attributes) {
        String prefix = Keys.of(keyType, attributes);
        TreeMap<String, Object> found = new TreeMap<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue kv : results) {
                found.put(kv.getKey(), kv.getValue());
                if (found.size() > max + written.size()) {
                    break;
                }
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot close a range query", e);
        }
        found.putAll(written.subMap(prefix, true, prefix + Character.MAX_VALUE, false));
        List<T> records = new ArrayList<>(Math.min(found.size(), max));
        for (Map.Entry<String, Object> entry : found.entrySet()) {
            Object value = entry.getValue();
            if (value == DELETED) {
                continue;
            }
            if (records.size() == max) {
                throw Refusal.of(ErrorCode.LIMIT_EXCEEDED, overflow.get());
            }
            records.add(value instanceof byte[] bytes ? Json.read(bytes, type) : type.cast(value));
        }
        return records;
    }

    /**
     * One page of records under a partial composite key. Paged queries are for evaluate transactions only: Fabric
     * refuses them in a submit.
     *
     * @param records the page, in key order
     * @param bookmark where the next page starts; empty when there is none
     * @param fetched how many entries the peer returned
     */
    public record Page<T>(List<T> records, String bookmark, int fetched) {
    }

    /**
     * @param type the record type
     * @param pageSize entries to fetch, 1..1000
     * @param bookmark the previous page's bookmark, or "" for the first page
     * @param keyType the composite key's type
     * @param attributes the leading attributes
     * @return the page
     */
    public <T> Page<T> page(final Class<T> type, final int pageSize, final String bookmark, final String keyType,
            final String... attributes) {
        List<T> records = new ArrayList<>(pageSize);
        try (QueryResultsIteratorWithMetadata<KeyValue> results = stub.getStateByPartialCompositeKeyWithPagination(
                new CompositeKey(keyType, attributes), pageSize, bookmark == null ? "" : bookmark)) {
            for (KeyValue kv : results) {
                records.add(Json.read(kv.getValue(), type));
            }
            String next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
            return new Page<>(records, records.size() < pageSize ? "" : next, records.size());
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot close a paged query", e);
        }
    }
}
