// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * The committed side of a ledger for chaincode tests: versioned world state, key history and chaincode events. A
 * transaction simulates against it through a {@link TransactionStub}; {@link #commit} validates the transaction's
 * read set (MVCC, as a Fabric peer does) and applies its write set, or applies nothing.
 */
public final class InMemoryLedger {
    private final TreeMap<String, Versioned> state = new TreeMap<>();
    private final Map<String, List<Modification>> history = new HashMap<>();
    private final List<ChaincodeEvent> events = new ArrayList<>();
    private final Map<String, byte[]> validationParameters = new HashMap<>();
    private long height;

    /**
     * A committed value and the version (block number) that wrote it.
     *
     * @param value the bytes
     * @param version the block that wrote them
     */
    record Versioned(byte[] value, long version) {
    }

    /**
     * One committed change of a key.
     *
     * @param txId transaction id
     * @param timestamp transaction timestamp
     * @param value the value written (empty for a delete)
     * @param deleted whether it was a delete
     */
    record Modification(String txId, Instant timestamp, byte[] value, boolean deleted) {
    }

    /** @return the committed value of the key, or null */
    synchronized Versioned read(final String key) {
        return state.get(key);
    }

    /** @return the committed entries with keys in [from, to) */
    synchronized NavigableMap<String, Versioned> range(final String from, final String to) {
        return new TreeMap<>(state.subMap(from, true, to, false));
    }

    /** @return the committed changes of the key, newest first (as Fabric 2.x returns history) */
    synchronized List<Modification> history(final String key) {
        List<Modification> list = new ArrayList<>(history.getOrDefault(key, List.of()));
        Collections.reverse(list);
        return list;
    }

    /**
     * Validates and commits a simulated transaction.
     *
     * @return true if committed; false on an MVCC read conflict (nothing applied)
     */
    synchronized boolean commit(final TransactionStub tx) {
        for (Map.Entry<String, Long> read : tx.readSet().entrySet()) {
            Versioned now = state.get(read.getKey());
            long version = now == null ? -1 : now.version();
            if (version != read.getValue()) {
                return false;
            }
        }
        height++;
        for (Map.Entry<String, byte[]> write : tx.writeSet().entrySet()) {
            boolean delete = write.getValue() == null;
            if (delete) {
                state.remove(write.getKey());
            } else {
                state.put(write.getKey(), new Versioned(write.getValue().clone(), height));
            }
            history.computeIfAbsent(write.getKey(), k -> new ArrayList<>()).add(new Modification(tx.getTxId(),
                    tx.getTxTimestamp(), delete ? new byte[0] : write.getValue().clone(), delete));
        }
        tx.validationParameters().forEach((key, policy) -> validationParameters.put(key, policy.clone()));
        if (tx.getEvent() != null) {
            events.add(tx.getEvent());
        }
        return true;
    }

    /** @return a copy of the committed state, key to value */
    public synchronized Map<String, byte[]> snapshot() {
        Map<String, byte[]> copy = new TreeMap<>();
        state.forEach((key, value) -> copy.put(key, value.value().clone()));
        return copy;
    }

    /** @return the committed value of the key, or null */
    public synchronized byte[] get(final String key) {
        Versioned value = state.get(key);
        return value == null ? null : value.value().clone();
    }

    /** @return the committed key-level validation parameter (serialized policy) of the key, or null */
    public synchronized byte[] validationParameter(final String key) {
        byte[] value = validationParameters.get(key);
        return value == null ? null : value.clone();
    }

    /** @return the chaincode events of committed transactions, in commit order */
    public synchronized List<ChaincodeEvent> events() {
        return List.copyOf(events);
    }

    /** @return the number of committed transactions (blocks of one transaction) */
    public synchronized long height() {
        return height;
    }
}
