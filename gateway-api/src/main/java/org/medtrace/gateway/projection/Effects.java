// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medtrace.gateway.db.Jdbc.Json;
import org.medtrace.gateway.db.Jdbc;

/**
 * What each kind of ledger event changes in the current-state tables (products, batches, units, edges, shipments,
 * holds, recalls, transformations, loggers). Which kind an event is comes from {@code medtrace.transaction}.
 */
final class Effects {

    private final CustodyEffects custody = new CustodyEffects();
    private final TelemetryEffects telemetry = new TelemetryEffects();

    void apply(final Connection c, final Proof proof, final EpcisEvent e, final List<Subject> subjects)
            throws SQLException {
        final String transaction = e.transaction().orElse("");
        if (transaction.startsWith("member:")) {
            member(c, proof, e);
            return;
        }
        // One transaction may write several kinds of event (a transformation registers its output batches, a
        // dispense unpacks implicitly), so the event's own type and step decide first.
        if ("creating_class_instance".equals(e.bizStep().orElse(""))) {
            if ("product:register".equals(transaction)) {
                product(c, proof, e);
            } else {
                batch(c, proof, e);
            }
            return;
        }
        if ("AggregationEvent".equals(e.type())) {
            aggregation(c, proof, e);
            return;
        }
        switch (transaction) {
            case "batch:recordLotRelease" -> lotRelease(c, proof, e);
            case "unit:commission", "unit:commissionContainers" -> commission(c, proof, e);
            case "transformation:transform" -> transformation(c, proof, e);
            case "recall:create" -> recall(c, proof, e);
            default -> {
                if (transaction.startsWith("telemetry:")) {
                    telemetry.apply(c, proof, e, subjects);
                } else {
                    custody.apply(c, proof, e, subjects);
                }
            }
        }
    }

    /**
     * A registry change: the entry the event carries is the one the ledger wrote, so it is copied, not derived. The
     * version guard keeps the newest entry whatever order a rebuild or a replay applies them in.
     */
    private static void member(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final JsonNode entry = e.details().has("member") ? e.details().path("member") : e.ilmd().path("member");
        final String msp = EpcisEvent.textOf(entry, "msp").orElseThrow(() -> new IllegalArgumentException(
                "member event " + e.eventId() + " carries no member entry"));
        final List<String> roles = new ArrayList<>();
        entry.path("roles").forEach(role -> roles.add(role.asText()));
        Jdbc.update(c, "INSERT INTO member (msp, legal_name, roles, version, entry, updated_at, updated_by,"
                + " updated_by_msp, reason, tx_id, block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (msp) DO UPDATE SET legal_name = EXCLUDED.legal_name, roles = EXCLUDED.roles,"
                + " version = EXCLUDED.version, entry = EXCLUDED.entry, updated_at = EXCLUDED.updated_at,"
                + " updated_by = EXCLUDED.updated_by, updated_by_msp = EXCLUDED.updated_by_msp,"
                + " reason = EXCLUDED.reason, tx_id = EXCLUDED.tx_id, block_number = EXCLUDED.block_number"
                + " WHERE member.version < EXCLUDED.version",
                msp, EpcisEvent.textOf(entry, "legalName").orElse(""), roles, entry.path("version").asLong(),
                new Json(entry.toString()), EpcisEvent.textOf(entry, "updatedAt").map(java.time.Instant::parse)
                        .orElseGet(e::eventTime),
                EpcisEvent.textOf(entry, "updatedBy"), EpcisEvent.textOf(entry, "updatedByMsp"),
                EpcisEvent.textOf(entry, "reason"), proof.txId(), proof.blockNumber());
    }

    private static void product(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final JsonNode record = e.ilmd().has("product") ? e.ilmd().path("product") : e.ilmd();
        final String id = EpcisEvent.textOf(record, "id").orElseGet(() -> first(e.productIds(), "productIds", e));
        Jdbc.update(c, "INSERT INTO product (id, kind, name, mah, product_code, gtin, record, registered_at, tx_id,"
                + " block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id, EpcisEvent.textOf(record, "kind").orElse("vaccine"), EpcisEvent.textOf(record, "name"),
                EpcisEvent.textOf(record, "mah").or(e::actorMsp).orElse(""),
                EpcisEvent.textOf(record, "productCode"), EpcisEvent.textOf(record, "gtin"),
                new Json(record.toString()), e.eventTime(), proof.txId(), proof.blockNumber());
    }

    private static void batch(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final JsonNode record = e.ilmd().has("batch") ? e.ilmd().path("batch") : e.ilmd();
        final String id = EpcisEvent.textOf(record, "id").orElseGet(() -> first(e.batchIds(), "batchIds", e));
        final String productId = EpcisEvent.textOf(record, "productId")
                .orElseGet(() -> first(e.productIds(), "productIds", e));
        Jdbc.update(c, "INSERT INTO batch (id, product_id, batch_number, production_date, expiry_date, mah, record,"
                + " lot_release, registered_at, tx_id, block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING",
                id, productId, EpcisEvent.textOf(record, "batchNumber"),
                EpcisEvent.textOf(record, "productionDate").map(LocalDate::parse),
                EpcisEvent.textOf(record, "expiryDate").map(LocalDate::parse),
                EpcisEvent.textOf(record, "mah").or(e::actorMsp).orElse(""), new Json(record.toString()),
                record.has("lotRelease") && !record.path("lotRelease").isNull()
                        ? new Json(record.path("lotRelease").toString()) : null,
                e.eventTime(), proof.txId(), proof.blockNumber());
    }

    private static void lotRelease(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        JsonNode release = e.ilmd().path("lotRelease");
        if (release.isMissingNode()) {
            release = e.details().has("lotRelease") ? e.details().path("lotRelease") : e.details();
        }
        for (final String batchId : e.batchIds()) {
            Jdbc.update(c, "UPDATE batch SET lot_release = ?, lot_release_tx_id = ?, lot_release_block = ?"
                    + " WHERE id = ?", new Json(release.toString()), proof.txId(), proof.blockNumber(), batchId);
        }
    }

    private static void commission(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final boolean container = "unit:commissionContainers".equals(e.transaction().orElse(""));
        final Optional<String> batchId = e.batchIds().stream().findFirst();
        final Optional<String> productId = e.productIds().stream().findFirst();
        final Optional<BigDecimal> level = e.number("packageLevel");
        final Optional<String> containerType = e.attribute("containerType");
        final Quantity quantity = Quantity.ofObject(e.ilmd().path("quantityEach"))
                .or(() -> Quantity.of(e.quantityList())).orElse(Quantity.NONE);
        final String custodian = e.actorMsp().orElse("");
        final List<Object[]> rows = new ArrayList<>();
        for (final String code : e.epcList()) {
            rows.add(new Object[] {code, container ? "container" : "unit", container ? null : productId.orElse(null),
                container ? null : batchId.orElse(null), level.map(BigDecimal::intValue).orElse(null),
                container ? containerType.orElse(null) : null, custodian, e.bizLocation().orElse(null),
                quantity.value(), quantity.uom(), e.eventTime(), proof.txId(), proof.blockNumber(),
                proof.blockNumber()});
        }
        Jdbc.batch(c, "INSERT INTO unit (code, kind, product_id, batch_id, package_level, container_type, status,"
                + " custodian, location, quantity, uom, commissioned_at, commission_tx_id, commission_block,"
                + " updated_block) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (code) DO NOTHING", rows);
    }

    private static void aggregation(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final String parent = e.parentId().orElseThrow(() -> new IllegalArgumentException(
                "aggregation event " + e.eventId() + " without parentID"));
        if ("DELETE".equals(e.action().orElse(""))) {
            final List<String> children = e.childEpcs();
            Jdbc.update(c, "UPDATE aggregation_edge SET valid_to = ?, unpack_tx_id = ?, unpack_block = ?"
                    + " WHERE parent = ? AND valid_to IS NULL AND (cardinality(?::text[]) = 0 OR child = ANY(?))",
                    e.eventTime(), proof.txId(), proof.blockNumber(), parent, children, children);
            return;
        }
        final List<Object[]> rows = new ArrayList<>();
        for (final String child : e.childEpcs()) {
            rows.add(new Object[] {parent, child, e.eventTime(), proof.txId(), proof.blockNumber()});
        }
        Jdbc.batch(c, "INSERT INTO aggregation_edge (parent, child, valid_from, pack_tx_id, pack_block)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    private static void transformation(final Connection c, final Proof proof, final EpcisEvent e)
            throws SQLException {
        final String id = e.transformationId().orElseThrow(() -> new IllegalArgumentException(
                "transformation event " + e.eventId() + " without transformationID"));
        Jdbc.update(c, "INSERT INTO transformation (id, processing_method, actor_msp, event_time, tx_id,"
                + " block_number) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", id,
                e.attribute("processingMethod"), e.actorMsp().orElse(""), e.eventTime(), proof.txId(),
                proof.blockNumber());
        final List<Object[]> inputs = new ArrayList<>();
        for (final String code : e.inputEpcs()) {
            inputs.add(new Object[] {id, code, null, null, null});
        }
        for (final JsonNode q : e.inputQuantities()) {
            inputs.add(new Object[] {id, EpcisEvent.textOf(q, "code").orElse(null),
                EpcisEvent.textOf(q, "epcClass").orElse(null), q.path("quantity").decimalValue(),
                EpcisEvent.textOf(q, "uom").orElse(null)});
        }
        Jdbc.batch(c, "INSERT INTO transformation_input (transformation_id, code, batch_id, quantity, uom)"
                + " VALUES (?, ?, ?, ?, ?)", inputs);
        consumeInputs(c, proof, e);
        final List<Object[]> outputs = new ArrayList<>();
        for (final JsonNode q : e.outputQuantities()) {
            outputs.add(new Object[] {id, EpcisEvent.textOf(q, "epcClass").orElse(""),
                q.path("quantity").decimalValue(), EpcisEvent.textOf(q, "uom").orElse(null)});
        }
        Jdbc.batch(c, "INSERT INTO transformation_output (transformation_id, batch_id, quantity, uom)"
                + " VALUES (?, ?, ?, ?)", outputs);
    }

    /**
     * The event names the input units and the quantity taken per source lot; when each lot has one input unit the
     * unit's remaining quantity follows exactly (more units of one lot in one transformation keep their quantity).
     */
    private static void consumeInputs(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final List<String> codes = e.inputEpcs();
        for (final JsonNode q : e.inputQuantities()) {
            final String batchId = EpcisEvent.textOf(q, "epcClass").orElse("");
            final List<String> ofLot = Jdbc.query(c, "SELECT code FROM unit WHERE code = ANY(?) AND batch_id = ?",
                    rs -> rs.getString(1), codes, batchId);
            if (ofLot.size() == 1 && q.path("quantity").isNumber()) {
                Jdbc.update(c, "UPDATE unit SET quantity = quantity - ?, status = CASE WHEN quantity - ? <= 0"
                        + " THEN 'consumed' ELSE status END, updated_block = ? WHERE code = ?",
                        q.path("quantity").decimalValue(), q.path("quantity").decimalValue(), proof.blockNumber(),
                        ofLot.get(0));
            }
        }
    }

    private static void recall(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final String id = e.recallId().orElseThrow(() -> new IllegalArgumentException(
                "recall event " + e.eventId() + " without recallId"));
        Jdbc.update(c, "INSERT INTO recall (id, level, reason, created_by, created_at, tx_id, block_number)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", id,
                e.attribute("level").orElse(""), e.reason(), e.actorMsp().orElse(""), e.eventTime(),
                proof.txId(), proof.blockNumber());
        final List<Object[]> rows = new ArrayList<>();
        for (final String batchId : e.batchIds()) {
            rows.add(new Object[] {id, batchId});
        }
        Jdbc.batch(c, "INSERT INTO recall_batch (recall_id, batch_id) VALUES (?, ?) ON CONFLICT DO NOTHING", rows);
    }

    private static String first(final List<String> values, final String field, final EpcisEvent e) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("event " + e.eventId() + " has no " + field);
        }
        return values.get(0);
    }
}
