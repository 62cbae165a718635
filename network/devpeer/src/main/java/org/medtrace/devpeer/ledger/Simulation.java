// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;

/**
 * A transaction simulation over a consistent snapshot of the world state, recording a Fabric read-write set. As in
 * Fabric, reads see committed state only (not the transaction's own writes), an empty value written is a delete, and
 * a transaction that uses a paginated query may not write.
 */
public interface Simulation extends AutoCloseable {
    /** The committed value, or null; records a read. */
    byte[] getState(String namespace, String key);

    /** The committed metadata (empty if the key is absent); records a read. */
    StateMetadataResult getStateMetadata(String namespace, String key);

    /**
     * Records a write; an empty value records a delete.
     *
     * @throws SimulationException after a paginated query, or for an empty key
     */
    void putState(String namespace, String key, ByteString value) throws SimulationException;

    /** Records a delete. @throws SimulationException after a paginated query, or for an empty key */
    void deleteState(String namespace, String key) throws SimulationException;

    /** Records a metadata write. @throws SimulationException after a paginated query, or for an empty key */
    void putStateMetadata(String namespace, String key, String name, ByteString value) throws SimulationException;

    /**
     * Opens a range query over {@code [startKey, endKey)} ({@code endKey} empty: to the end of the namespace).
     *
     * @param pageSize 0 for an unpaginated query, else the page size (the query is then paginated)
     * @param bookmark where a paginated query resumes (a key), or empty
     * @throws SimulationException for a paginated query after a write, or too many open queries
     */
    RangeQuery rangeQuery(String namespace, String startKey, String endKey, int pageSize, String bookmark)
            throws SimulationException;

    /** Opens a history query: every committed modification of the key, newest first. */
    HistoryQuery historyQuery(String namespace, String key) throws SimulationException;

    /** The read-write set recorded so far. */
    TxReadWriteSet results();

    /** Releases the snapshot. */
    @Override
    void close();

    /** A range query's cursor; each fetch records the keys and versions it returns as range-query reads. */
    interface RangeQuery {
        /** Up to {@code max} further results. */
        List<KV> fetch(int max);

        /** True once no further result remains (end of range, or page full for a paginated query). */
        boolean done();

        /** Results returned so far. */
        int fetchedCount();

        /** For a paginated query that is done: the key the next page starts at, or empty if there is none. */
        String bookmark();
    }

    /** A history query's cursor. */
    interface HistoryQuery {
        /** Up to {@code max} further modifications. */
        List<KeyModification> fetch(int max);

        /** True once no further modification remains. */
        boolean done();
    }
}
