// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.registration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.identifiers.node.NodeSettings;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.Ttl;

/**
 * The handle records the read model implies for one projected event: the product of a product registration, the
 * batches of a batch registration (or of a transformation's output, or a lot release), the units and containers of
 * a commissioning. Only identifiers under prefixes the node serves; everything from one indexed query per event.
 */
final class ReadModelRecords {

    /** A projected event that registers identifiers. */
    record EventRow(long seq, String eventId, String transaction, String bizStep) {
    }

    /** Which events to look at, as a SQL condition on {@code trace_event}. */
    static final String REGISTERING_EVENTS = "(biz_step = 'creating_class_instance' OR transaction_name IN"
            + " ('unit:commission', 'unit:commissionContainers', 'batch:recordLotRelease'))";

    private static final String PRODUCT_COLUMNS = "p.id AS product_id, p.kind AS product_kind, p.name, p.mah,"
            + " p.product_code, p.gtin, p.record->>'approvalNumber' AS approval_number,"
            + " p.record->>'specification' AS specification";

    private final NodeSettings node;
    private final Ttl ttl;

    ReadModelRecords(final NodeSettings node, final Ttl ttl) {
        this.node = node;
        this.ttl = ttl;
    }

    List<HandleRecord> recordsOf(final Connection c, final EventRow event) throws SQLException {
        if ("creating_class_instance".equals(event.bizStep())) {
            return "product:register".equals(event.transaction()) ? products(c, event) : batches(c, event);
        }
        return switch (event.transaction()) {
            case "batch:recordLotRelease" -> batches(c, event);
            case "unit:commission", "unit:commissionContainers" -> units(c, event);
            default -> List.of();
        };
    }

    private List<HandleRecord> products(final Connection c, final EventRow event) throws SQLException {
        return collect(Jdbc.query(c, "SELECT " + PRODUCT_COLUMNS + ", p.registered_at, p.tx_id, p.block_number"
                + " FROM trace_event_product tp JOIN product p ON p.id = tp.product_id"
                + " WHERE tp.event_seq = ? AND p.tx_id = (SELECT tx_id FROM trace_event WHERE seq = ?)",
                rs -> product(rs, event), event.seq(), event.seq()));
    }

    private Optional<HandleRecord> product(final ResultSet rs, final EventRow event) throws SQLException {
        final Optional<LedgerValues> values = values(rs, "product_id", Jdbc.instant(rs, "registered_at"));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        productFields(values.get(), rs)
                .url(node.publicUrl().get(), "/api/v1/products/" + LedgerValues.path(rs.getString("product_id")))
                .put(LedgerValues.KIND, rs.getString("product_kind"))
                .put(LedgerValues.TX_ID, rs.getString("tx_id"))
                .put(LedgerValues.BLOCK, rs.getLong("block_number"))
                .put(LedgerValues.EVENT_ID, event.eventId());
        return Optional.of(values.get().record());
    }

    private List<HandleRecord> batches(final Connection c, final EventRow event) throws SQLException {
        return collect(Jdbc.query(c, "SELECT b.id, b.batch_number, b.production_date, b.expiry_date,"
                + " b.lot_release->>'certificateNumber' AS lot_release, b.registered_at, b.tx_id, b.block_number,"
                + " (SELECT te.event_id FROM trace_event_batch tb2 JOIN trace_event te ON te.seq = tb2.event_seq"
                + "   WHERE tb2.batch_id = b.id AND te.tx_id = b.tx_id AND te.biz_step = 'creating_class_instance'"
                + "   ORDER BY te.seq LIMIT 1) AS event_id, " + PRODUCT_COLUMNS
                + " FROM trace_event_batch tb JOIN batch b ON b.id = tb.batch_id"
                + " LEFT JOIN product p ON p.id = b.product_id WHERE tb.event_seq = ?",
                this::batch, event.seq()));
    }

    private Optional<HandleRecord> batch(final ResultSet rs) throws SQLException {
        final Optional<LedgerValues> values = values(rs, "id", Jdbc.instant(rs, "registered_at"));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        batchFields(productFields(values.get(), rs), rs)
                .url(node.publicUrl().get(), "/api/v1/provenance/batch?batchId=" + LedgerValues.query(rs.getString(
                        "id")))
                .put(LedgerValues.KIND, "batch")
                .put(LedgerValues.LOT_RELEASE, rs.getString("lot_release"))
                .put(LedgerValues.TX_ID, rs.getString("tx_id"))
                .put(LedgerValues.BLOCK, rs.getLong("block_number"))
                .put(LedgerValues.EVENT_ID, rs.getString("event_id"));
        return Optional.of(values.get().record());
    }

    private List<HandleRecord> units(final Connection c, final EventRow event) throws SQLException {
        return collect(Jdbc.query(c, "SELECT u.code, u.kind, u.package_level, u.container_type, u.commissioned_at,"
                + " u.commission_tx_id, u.commission_block, b.id, b.batch_number, b.production_date, b.expiry_date, "
                + PRODUCT_COLUMNS + " FROM trace_event_unit t JOIN unit u ON u.code = t.code"
                + " LEFT JOIN batch b ON b.id = u.batch_id LEFT JOIN product p ON p.id = u.product_id"
                + " WHERE t.event_seq = ? AND t.via IS NULL",
                rs -> unit(rs, event), event.seq()));
    }

    private Optional<HandleRecord> unit(final ResultSet rs, final EventRow event) throws SQLException {
        final Optional<LedgerValues> values = values(rs, "code", Jdbc.instant(rs, "commissioned_at"));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        batchFields(productFields(values.get(), rs), rs)
                .url(node.publicUrl().get(), "/api/v1/provenance/unit?code=" + LedgerValues.query(rs.getString(
                        "code")))
                .put(LedgerValues.KIND, rs.getString("kind"))
                .put(LedgerValues.PACKAGE_LEVEL, Jdbc.nullableLong(rs, "package_level"))
                .put(LedgerValues.CONTAINER_TYPE, rs.getString("container_type"))
                .put(LedgerValues.TX_ID, rs.getString("commission_tx_id"))
                .put(LedgerValues.BLOCK, rs.getLong("commission_block"))
                .put(LedgerValues.EVENT_ID, event.eventId());
        return Optional.of(values.get().record());
    }

    /** @return the builder for the identifier in that column, if it is under a served prefix */
    private Optional<LedgerValues> values(final ResultSet rs, final String column, final Instant registeredAt)
            throws SQLException {
        final Identifier handle;
        try {
            handle = Identifier.parse(rs.getString(column));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
        if (!node.serves(handle.prefix())) {
            return Optional.empty();
        }
        return Optional.of(new LedgerValues(handle, ttl, registeredAt, node.adminOf(handle.prefix())));
    }

    private static LedgerValues productFields(final LedgerValues values, final ResultSet rs) throws SQLException {
        return values.put(LedgerValues.PRODUCT_ID, rs.getString("product_id"))
                .put(LedgerValues.PRODUCT_NAME, rs.getString("name"))
                .put(LedgerValues.MAH, rs.getString("mah"))
                .put(LedgerValues.APPROVAL_NUMBER, rs.getString("approval_number"))
                .put(LedgerValues.PRODUCT_CODE, rs.getString("product_code"))
                .put(LedgerValues.GTIN, rs.getString("gtin"))
                .put(LedgerValues.SPECIFICATION, rs.getString("specification"));
    }

    private static LedgerValues batchFields(final LedgerValues values, final ResultSet rs) throws SQLException {
        return values.put(LedgerValues.BATCH_ID, rs.getString("id"))
                .put(LedgerValues.BATCH_NUMBER, rs.getString("batch_number"))
                .put(LedgerValues.PRODUCTION_DATE, rs.getString("production_date"))
                .put(LedgerValues.EXPIRY_DATE, rs.getString("expiry_date"));
    }

    private static List<HandleRecord> collect(final List<Optional<HandleRecord>> rows) {
        final List<HandleRecord> records = new ArrayList<>(rows.size());
        rows.forEach(row -> row.ifPresent(records::add));
        return records;
    }
}
