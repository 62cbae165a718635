// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.medtrace.gateway.db.Jdbc;

/** The SQL behind provenance and tracing; every query is bounded and served by an index. */
final class ProvenanceQueries {

    /** Most events, edges or units one answer lists. */
    static final int ROWS_MAX = 1_000;
    /** Deepest aggregation or transformation chain followed. */
    static final int DEPTH_MAX = 8;

    private static final String STEP_COLUMNS = "te.event_id, te.event_time, te.type, te.action, te.biz_step,"
            + " te.disposition, te.transaction_name, te.actor_msp, te.source_msp, te.destination_msp, te.read_point,"
            + " te.biz_location, te.shipment_id, te.tx_id, te.block_number";

    private ProvenanceQueries() {
    }

    static List<Views.Step> unitSteps(final Connection c, final String code) throws SQLException {
        return Jdbc.query(c, "SELECT " + STEP_COLUMNS + ", teu.via FROM trace_event_unit teu"
                + " JOIN trace_event te ON te.seq = teu.event_seq WHERE teu.code = ? ORDER BY teu.event_seq LIMIT ?",
                rs -> step(rs, rs.getString("via")), code, ROWS_MAX);
    }

    static List<Views.Step> batchSteps(final Connection c, final String batchId) throws SQLException {
        return Jdbc.query(c, "SELECT " + STEP_COLUMNS + " FROM trace_event_batch teb"
                + " JOIN trace_event te ON te.seq = teb.event_seq WHERE teb.batch_id = ? ORDER BY teb.event_seq LIMIT ?",
                rs -> step(rs, null), batchId, ROWS_MAX);
    }

    private static Views.Step step(final ResultSet rs, final String via) throws SQLException {
        return new Views.Step(rs.getString("event_id"), Jdbc.instant(rs, "event_time"), rs.getString("type"),
                rs.getString("action"), rs.getString("biz_step"), rs.getString("disposition"),
                rs.getString("transaction_name"), rs.getString("actor_msp"), rs.getString("source_msp"),
                rs.getString("destination_msp"), rs.getString("read_point"), rs.getString("biz_location"),
                rs.getString("shipment_id"), via, MasterData.proof(rs, "tx_id", "block_number"));
    }

    /** Every container the code was in, and the containers those were in while it was inside, over time. */
    static List<Views.Edge> ancestors(final Connection c, final String code) throws SQLException {
        return Jdbc.query(c, "WITH RECURSIVE up AS ("
                + " SELECT e.*, 1 AS depth FROM aggregation_edge e WHERE e.child = ?"
                + " UNION ALL SELECT e.*, up.depth + 1 FROM aggregation_edge e JOIN up ON e.child = up.parent"
                + " WHERE up.depth < ? AND e.valid_from < COALESCE(up.valid_to, 'infinity')"
                + " AND COALESCE(e.valid_to, 'infinity') > up.valid_from)"
                + " SELECT * FROM up ORDER BY depth, valid_from LIMIT ?",
                ProvenanceQueries::edge, code, DEPTH_MAX, ROWS_MAX);
    }

    static List<Views.Edge> children(final Connection c, final String code) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM aggregation_edge WHERE parent = ? ORDER BY valid_from, child LIMIT ?",
                ProvenanceQueries::edge, code, ROWS_MAX);
    }

    private static Views.Edge edge(final ResultSet rs) throws SQLException {
        return new Views.Edge(rs.getString("parent"), rs.getString("child"), Jdbc.instant(rs, "valid_from"),
                Jdbc.instant(rs, "valid_to"), MasterData.proof(rs, "pack_tx_id", "pack_block"),
                MasterData.proof(rs, "unpack_tx_id", "unpack_block"));
    }

    static List<MasterData.ShipmentView> shipments(final Connection c, final Collection<String> ids)
            throws SQLException {
        return Jdbc.query(c, "SELECT * FROM shipment WHERE id = ANY(?) ORDER BY shipped_at, id", MasterData::shipment,
                ids);
    }

    /**
     * A code the goods were in (or the goods themselves) and when.
     *
     * @param code the code
     * @param from since (null: always)
     * @param to until (null: still)
     */
    record Containment(String code, Instant from, Instant to) {
    }

    /**
     * A logger associated with a code for a time.
     *
     * @param loggerId the logger
     * @param target the code
     * @param from since
     * @param to until (null: still)
     */
    record Association(String loggerId, String target, Instant from, Instant to) {
    }

    /** Every logger association of the given codes, over all time (one query for all legs). */
    static List<Association> associations(final Connection c, final Collection<String> codes) throws SQLException {
        return Jdbc.query(c, "SELECT logger_id, target, valid_from, valid_to FROM logger_association"
                + " WHERE target = ANY(?) ORDER BY valid_from LIMIT ?", rs -> new Association(rs.getString(1),
                rs.getString(2), Jdbc.instant(rs, "valid_from"), Jdbc.instant(rs, "valid_to")), codes, ROWS_MAX);
    }

    /** The loggers recorded on each shipment (one query for all legs). */
    static java.util.Map<String, List<String>> shipmentLoggers(final Connection c, final Collection<String> ids)
            throws SQLException {
        final java.util.Map<String, List<String>> byShipment = new java.util.HashMap<>();
        for (final String[] row : Jdbc.query(c, "SELECT shipment_id, logger_id FROM shipment_logger"
                + " WHERE shipment_id = ANY(?)", rs -> new String[] {rs.getString(1), rs.getString(2)}, ids)) {
            byShipment.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return byShipment;
    }

    /**
     * The loggers that covered goods during a leg: those recorded on the shipment, and those associated with the
     * goods, or with a container while the goods were in it, at some time during the leg.
     */
    static List<String> legLoggers(final MasterData.ShipmentView leg, final List<String> recorded,
            final List<Containment> goods, final List<Association> associations) {
        final Instant from = leg.shippedAt();
        final Instant to = legEnd(leg);
        final java.util.Set<String> found = new java.util.TreeSet<>(recorded);
        for (final Containment containment : goods) {
            final Instant start = later(from, containment.from());
            final Instant end = earlier(to, containment.to());
            for (final Association association : associations) {
                if (association.target().equals(containment.code())
                        && later(start, association.from()).isBefore(earlier(end, association.to()))) {
                    found.add(association.loggerId());
                }
            }
        }
        return List.copyOf(found);
    }

    /** @return when the leg ended: its last receipt or its cancellation, whichever came later; now while open */
    private static Instant legEnd(final MasterData.ShipmentView leg) {
        if (leg.receivedAt() == null && leg.cancelledAt() == null) {
            return Instant.now();
        }
        return later(leg.receivedAt() == null ? leg.cancelledAt() : leg.receivedAt(), leg.cancelledAt());
    }

    private static Instant later(final Instant a, final Instant b) {
        return b == null || b.isBefore(a) ? a : b;
    }

    private static Instant earlier(final Instant a, final Instant b) {
        return b == null || b.isAfter(a) ? a : b;
    }

    /** Temperature of a leg from the anchored windows of its loggers; null when no logger covered it. */
    static Views.Temperature temperature(final Connection c, final MasterData.ShipmentView leg,
            final List<String> loggers) throws SQLException {
        if (loggers.isEmpty()) {
            return null;
        }
        final Instant from = leg.shippedAt();
        final Instant to = legEnd(leg);
        final List<Views.Anchor> anchors = Jdbc.query(c, "SELECT * FROM telemetry_anchor WHERE logger_id = ANY(?)"
                + " AND window_start < ? AND window_end > ? ORDER BY window_start, logger_id LIMIT ?",
                rs -> new Views.Anchor(rs.getString("logger_id"), Jdbc.instant(rs, "window_start"),
                        Jdbc.instant(rs, "window_end"), rs.getString("merkle_root"), rs.getInt("reading_count"),
                        MasterData.proof(rs, "tx_id", "block_number")), loggers, to, from, ROWS_MAX);
        final List<String> excursions = Jdbc.query(c, "SELECT id FROM excursion WHERE logger_id = ANY(?)"
                + " AND started_at < ? AND COALESCE(ended_at, 'infinity') > ? ORDER BY started_at, id",
                rs -> rs.getString(1), loggers, to, from);
        return Jdbc.first(c, "SELECT count(*) AS n, COALESCE(sum(reading_count), 0) AS readings,"
                + " min(min_celsius) AS lo, max(max_celsius) AS hi,"
                + " sum(mean_celsius * reading_count) / NULLIF(sum(reading_count), 0) AS mean,"
                + " sum(minutes_above) AS above, sum(minutes_below) AS below FROM telemetry_anchor"
                + " WHERE logger_id = ANY(?) AND window_start < ? AND window_end > ?",
                rs -> new Views.Temperature(loggers, rs.getInt("n"), rs.getLong("readings"), rs.getBigDecimal("lo"),
                        rs.getBigDecimal("hi"), scale(rs.getBigDecimal("mean")), rs.getBigDecimal("above"),
                        rs.getBigDecimal("below"), excursions, anchors), loggers, to, from).orElseThrow();
    }

    private static BigDecimal scale(final BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    static List<Views.Hold> holds(final Connection c, final Collection<String> codes, final Collection<String> batches)
            throws SQLException {
        return Jdbc.query(c, "SELECT * FROM hold WHERE id IN (SELECT hold_id FROM hold_unit WHERE code = ANY(?)"
                + " UNION SELECT hold_id FROM hold_batch WHERE batch_id = ANY(?)) ORDER BY placed_at, id LIMIT ?",
                rs -> new Views.Hold(rs.getString("id"), rs.getString("reason"), rs.getString("placed_by"),
                        Jdbc.instant(rs, "placed_at"), Jdbc.instant(rs, "released_at"), rs.getString("released_by"),
                        MasterData.proof(rs, "place_tx_id", "place_block"),
                        MasterData.proof(rs, "release_tx_id", "release_block")), codes, batches, ROWS_MAX);
    }

    static List<Views.Recall> recalls(final Connection c, final Collection<String> batches) throws SQLException {
        return Jdbc.query(c, "SELECT r.*, ARRAY(SELECT batch_id FROM recall_batch rb WHERE rb.recall_id = r.id"
                + " ORDER BY batch_id) AS batch_ids FROM recall r WHERE r.id IN (SELECT recall_id FROM recall_batch"
                + " WHERE batch_id = ANY(?)) ORDER BY r.created_at, r.id", ProvenanceQueries::recall, batches);
    }

    static Views.Recall recall(final ResultSet rs) throws SQLException {
        return new Views.Recall(rs.getString("id"), rs.getString("level"), rs.getString("reason"),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"), MasterData.strings(rs, "batch_ids"),
                MasterData.proof(rs, "tx_id", "block_number"));
    }

    static List<Views.Transformation> transformations(final Connection c, final Collection<String> codes,
            final Collection<String> batches) throws SQLException {
        final List<Views.Transformation> list = new ArrayList<>();
        for (final TransformationRow row : Jdbc.query(c, "SELECT * FROM transformation WHERE id IN ("
                + " SELECT transformation_id FROM transformation_input WHERE code = ANY(?) OR batch_id = ANY(?)"
                + " UNION SELECT transformation_id FROM transformation_output WHERE batch_id = ANY(?))"
                + " ORDER BY event_time, id LIMIT ?", TransformationRow::of, codes, batches, batches, ROWS_MAX)) {
            list.add(new Views.Transformation(row.id(), row.method(), row.actor(), row.time(),
                    Jdbc.query(c, "SELECT * FROM transformation_input WHERE transformation_id = ?", ProvenanceQueries::amount,
                            row.id()),
                    Jdbc.query(c, "SELECT NULL AS code, batch_id, quantity, uom FROM transformation_output"
                            + " WHERE transformation_id = ?", ProvenanceQueries::amount, row.id()), row.proof()));
        }
        return list;
    }

    private static Views.Amount amount(final ResultSet rs) throws SQLException {
        return new Views.Amount(rs.getString("code"), rs.getString("batch_id"), rs.getBigDecimal("quantity"),
                rs.getString("uom"));
    }

    /** Source lots of a batch, followed back through transformations. */
    static List<Views.SourceLot> sourceLots(final Connection c, final MasterData masterData, final String batchId,
            final int depth) throws SQLException {
        if (depth >= DEPTH_MAX) {
            return List.of();
        }
        final List<Views.SourceLot> lots = new ArrayList<>();
        for (final SourceRow row : Jdbc.query(c, "SELECT ti.batch_id, ti.quantity, ti.uom, t.id, t.processing_method,"
                + " t.tx_id, t.block_number FROM transformation_output o JOIN transformation t ON t.id ="
                + " o.transformation_id JOIN transformation_input ti ON ti.transformation_id = t.id"
                + " WHERE o.batch_id = ? AND ti.batch_id IS NOT NULL ORDER BY t.event_time, ti.batch_id LIMIT ?",
                SourceRow::of, batchId, ROWS_MAX)) {
            lots.add(new Views.SourceLot(row.batchId(), row.quantity(), row.uom(), row.transformationId(),
                    row.method(), masterData.batchIfKnown(c, row.batchId()),
                    sourceLots(c, masterData, row.batchId(), depth + 1), row.proof()));
        }
        return lots;
    }

    private record TransformationRow(String id, String method, String actor, Instant time,
            org.medtrace.gateway.projection.Proof proof) {
        static TransformationRow of(final ResultSet rs) throws SQLException {
            return new TransformationRow(rs.getString("id"), rs.getString("processing_method"),
                    rs.getString("actor_msp"), Jdbc.instant(rs, "event_time"),
                    MasterData.proof(rs, "tx_id", "block_number"));
        }
    }

    private record SourceRow(String batchId, BigDecimal quantity, String uom, String transformationId, String method,
            org.medtrace.gateway.projection.Proof proof) {
        static SourceRow of(final ResultSet rs) throws SQLException {
            return new SourceRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), MasterData.proof(rs, "tx_id", "block_number"));
        }
    }
}
