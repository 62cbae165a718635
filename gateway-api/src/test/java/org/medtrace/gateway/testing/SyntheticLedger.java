// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.projection.Projector;

/**
 * Feeds chaincode-event payloads shaped as docs/chaincode-api.md describes straight into the projection code path,
 * without a ledger: for read-model tests and for loading the benchmark's million events. Each call is one
 * transaction in its own block, projected with the checkpoint in one database transaction, as the live projection
 * does.
 */
public final class SyntheticLedger {

    /** A transaction as it was fed. */
    public record Tx(long blockNumber, String txId, byte[] payload) {
    }

    private final DataSource dataSource;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Projector projector = new Projector(mapper);
    private final List<Tx> log = new ArrayList<>();
    private long block;
    private boolean keepLog = true;

    /** @param dataSource the read model */
    public SyntheticLedger(final DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return a new event builder */
    public Event event(final String type, final String transaction, final String actorMsp, final Instant time) {
        return new Event(mapper, type, transaction, actorMsp, time);
    }

    /**
     * Commits one transaction with the given events.
     *
     * @param events its events
     * @return the transaction
     */
    public Tx commit(final Event... events) {
        return commit(List.of(events));
    }

    /**
     * Commits one transaction with the given events.
     *
     * @param events its events
     * @return the transaction
     */
    public Tx commit(final List<Event> events) {
        final String txId = sha256("tx-" + (block + 1) + "-" + System.identityHashCode(this));
        final ObjectNode payload = mapper.createObjectNode().put("txId", txId);
        final ArrayNode array = payload.putArray("events");
        for (final Event event : events) {
            array.add(event.build(txId));
        }
        final Tx tx = new Tx(++block, txId, payload.toString().getBytes(StandardCharsets.UTF_8));
        project(dataSource, tx);
        if (keepLog) {
            log.add(tx);
        }
        return tx;
    }

    /**
     * @param first the block number of the next transaction
     * @return this, not keeping a log (for bulk loads)
     */
    public SyntheticLedger continueAt(final long first) {
        this.block = first - 1;
        this.keepLog = false;
        return this;
    }

    /** @return every transaction fed so far, in order */
    public List<Tx> log() {
        return List.copyOf(log);
    }

    /**
     * Projects one transaction and advances the checkpoint, as the live projection does.
     *
     * @param target database
     * @param tx transaction
     */
    public void project(final DataSource target, final Tx tx) {
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            final int projected = projector.project(c, tx.blockNumber(), tx.txId(), tx.payload());
            Jdbc.update(c, "UPDATE projection_checkpoint SET block_number = ?, tx_id = ?,"
                    + " events_projected = events_projected + ? WHERE id = 1", tx.blockNumber(), tx.txId(), projected);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds one EPCIS-shaped event. */
    public static final class Event {
        private final ObjectNode json;
        private final ObjectNode medtrace;

        Event(final ObjectMapper mapper, final String type, final String transaction, final String actorMsp,
                final Instant time) {
            json = mapper.createObjectNode().put("type", type).put("eventTime", time.toString())
                    .put("eventTimeZoneOffset", "+08:00").put("recordTime", time.toString());
            medtrace = json.putObject("medtrace").put("transaction", transaction).put("actorMsp", actorMsp);
        }

        /** @return this with a top-level field */
        public Event set(final String field, final String value) {
            json.put(field, value);
            return this;
        }

        /** @return this with a medtrace field */
        public Event meta(final String field, final String value) {
            medtrace.put(field, value);
            return this;
        }

        /** @return this with step, disposition, action */
        public Event step(final String bizStep, final String disposition, final String action) {
            json.put("bizStep", bizStep).put("action", action);
            if (disposition != null) {
                json.put("disposition", disposition);
            }
            return this;
        }

        /** @return this with an epcList */
        public Event epcs(final List<String> codes) {
            codes.forEach(json.withArray("epcList")::add);
            return this;
        }

        /** @return this with parent and children */
        public Event parent(final String parent, final List<String> children) {
            json.put("parentID", parent);
            children.forEach(json.withArray("childEPCs")::add);
            return this;
        }

        /** @return this with product and batch ids */
        public Event classes(final List<String> products, final List<String> batches) {
            products.forEach(medtrace.withArray("productIds")::add);
            batches.forEach(medtrace.withArray("batchIds")::add);
            return this;
        }

        /** @return this with source and destination parties */
        public Event parties(final String from, final String to) {
            json.withArray("sourceList").addObject().put("type", "owning_party").put("source", from);
            json.withArray("destinationList").addObject().put("type", "owning_party").put("destination", to);
            return this;
        }

        /** @return this with a bizLocation */
        public Event location(final String id) {
            json.putObject("bizLocation").put("id", id);
            return this;
        }

        /** @return the ilmd object to fill */
        public ObjectNode ilmd() {
            return json.withObject("ilmd");
        }

        /** @return the details object to fill */
        public ObjectNode details() {
            return medtrace.withObject("details");
        }

        /** @return the sensorElementList to fill */
        public ArrayNode sensorElements() {
            return json.withArray("sensorElementList");
        }

        /** @return the quantityList to fill */
        public ArrayNode quantities() {
            return json.withArray("quantityList");
        }

        ObjectNode build(final String txId) {
            final ObjectNode copy = json.deepCopy();
            copy.put("eventID", "ni:///sha-256;" + sha256(copy.toString()) + "?ver=CBV2.0");
            ((ObjectNode) copy.path("medtrace")).put("txId", txId);
            return copy;
        }
    }
}
