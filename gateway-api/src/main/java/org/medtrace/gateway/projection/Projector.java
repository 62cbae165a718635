// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medtrace.gateway.db.Jdbc.Json;
import org.medtrace.gateway.db.Jdbc;

/**
 * Applies the events of one ledger transaction to the read model, inside the caller's database transaction. It is
 * idempotent: an event whose id is already projected is skipped with all its effects, so replaying a block changes
 * nothing. Events are applied in ledger order; the aggregation state an event sees is the state at its place in
 * the ledger, which makes a rebuild from block 0 reproduce the live projection.
 */
public final class Projector {

    /** The chaincode event name this projection reads. */
    public static final String EVENT_NAME = "medtrace.events";

    private final ObjectMapper mapper;
    private final Effects effects = new Effects();

    /** @param mapper JSON mapper */
    public Projector(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param c connection inside a transaction
     * @param blockNumber the transaction's block
     * @param txId the transaction id
     * @param payload the chaincode event payload {@code {"txId": ..., "events": [...]}}
     * @return the number of events newly projected
     * @throws SQLException on a database error
     * @throws IllegalArgumentException if the payload is not a medtrace event payload
     */
    public int project(final Connection c, final long blockNumber, final String txId, final byte[] payload)
            throws SQLException {
        final JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("chaincode event of " + txId + " is not JSON", e);
        }
        final JsonNode events = root.path("events");
        if (!events.isArray()) {
            throw new IllegalArgumentException("chaincode event of " + txId + " has no events array");
        }
        final Proof proof = new Proof(txId, blockNumber);
        int projected = 0;
        for (final JsonNode json : events) {
            if (projectOne(c, proof, new EpcisEvent(json))) {
                projected++;
            }
        }
        return projected;
    }

    private boolean projectOne(final Connection c, final Proof proof, final EpcisEvent event) throws SQLException {
        final Optional<Long> seq = insertEvent(c, proof, event);
        if (seq.isEmpty()) {
            return false;
        }
        final List<Subject> subjects = Trees.expand(c, event.namedCodes(), event.unexpandedCodes());
        final List<Object[]> unitRows = new ArrayList<>(subjects.size());
        for (final Subject subject : subjects) {
            unitRows.add(new Object[] {subject.code(), seq.get(), subject.via()});
        }
        Jdbc.batch(c, "INSERT INTO trace_event_unit (code, event_seq, via) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                unitRows);
        final List<Object[]> batchRows = new ArrayList<>();
        for (final String batchId : event.batchIds()) {
            batchRows.add(new Object[] {batchId, seq.get()});
        }
        Jdbc.batch(c, "INSERT INTO trace_event_batch (batch_id, event_seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                batchRows);
        final List<Object[]> productRows = new ArrayList<>();
        for (final String productId : event.productIds()) {
            productRows.add(new Object[] {productId, seq.get()});
        }
        Jdbc.batch(c, "INSERT INTO trace_event_product (product_id, event_seq) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", productRows);
        effects.apply(c, proof, event, subjects);
        return true;
    }

    private static Optional<Long> insertEvent(final Connection c, final Proof proof, final EpcisEvent e)
            throws SQLException {
        return Jdbc.first(c, "INSERT INTO trace_event (event_id, tx_id, block_number, type, action, biz_step, "
                + "disposition, event_time, record_time, transaction_name, actor_msp, actor_role, source_msp, "
                + "destination_msp, read_point, biz_location, shipment_id, recall_id, hold_id, transformation_id, "
                + "reason, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (event_id) DO NOTHING RETURNING seq",
                rs -> rs.getLong(1),
                e.eventId(), proof.txId(), proof.blockNumber(), e.type(), e.action(), e.bizStep(), e.disposition(),
                e.eventTime(), e.recordTime(), e.transaction(), e.actorMsp(), e.actorRole(), e.sourceParty(),
                e.destinationParty(), e.readPoint(), e.bizLocation(), e.shipmentId(), e.recallId(), e.holdId(),
                e.transformationId(), e.reason(), new Json(e.json().toString()));
    }
}
