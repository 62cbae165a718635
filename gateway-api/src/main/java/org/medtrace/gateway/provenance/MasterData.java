// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.codes.InvalidCodeException;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.projection.Proof;

/** Products, batches, units and shipments as projected, each with its ledger proof. */
@ApplicationScoped
public class MasterData {

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final CodeParser codes;

    /**
     * @param dataSource the read model
     * @param mapper JSON mapper
     * @param codes code parser
     */
    @Inject
    public MasterData(final DataSource dataSource, final ObjectMapper mapper, final CodeParser codes) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.codes = codes;
    }

    /**
     * A product.
     *
     * @param id identifier
     * @param kind vaccine, herbal_raw, herbal_slice
     * @param name name
     * @param mah the marketing-authorisation holder
     * @param record the master data as registered
     * @param registeredAt when
     * @param proof ledger proof
     */
    public record ProductView(String id, String kind, String name, String mah, JsonNode record,
            Instant registeredAt, Proof proof) {
    }

    /**
     * A batch.
     *
     * @param id identifier
     * @param productId product
     * @param batchNumber 生产批号
     * @param productionDate production date
     * @param expiryDate expiry date
     * @param mah MAH
     * @param record the batch as registered (herbal origin included)
     * @param lotRelease the lot release, if recorded
     * @param lotReleaseProof its proof
     * @param recallIds recalls naming this batch
     * @param activeHoldIds batch holds in force
     * @param registeredAt when
     * @param proof ledger proof
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchView(String id, String productId, String batchNumber, LocalDate productionDate,
            LocalDate expiryDate, String mah, JsonNode record, JsonNode lotRelease, Proof lotReleaseProof,
            List<String> recallIds, List<String> activeHoldIds, Instant registeredAt, Proof proof) {
    }

    /**
     * A unit or container now.
     *
     * @param code canonical code
     * @param kind unit or container
     * @param productId product
     * @param batchId batch
     * @param packageLevel level
     * @param containerType container type
     * @param status active, in_transit, dispensed, destroyed, decommissioned
     * @param custodian current custodian (MSP id)
     * @param location where
     * @param shipmentId open shipment
     * @param quantity remaining quantity (lot-based goods)
     * @param uom its unit
     * @param parent the container it is in now
     * @param commissionedAt when commissioned
     * @param commissionProof proof of commissioning
     * @param endedAt when it was dispensed/destroyed/decommissioned
     * @param endedBy by whom
     * @param endProof proof of that
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitView(String code, String kind, String productId, String batchId, Integer packageLevel,
            String containerType, String status, String custodian, String location, String shipmentId,
            BigDecimal quantity, String uom, String parent, Instant commissionedAt, Proof commissionProof,
            Instant endedAt, String endedBy, Proof endProof) {
    }

    /**
     * A shipment (a custody leg).
     *
     * @param id id
     * @param from shipper
     * @param to receiver
     * @param destination destination
     * @param isReturn a return
     * @param status in_transit, received, partially_received, cancelled
     * @param shippedAt when shipped
     * @param receivedAt when received (the last receipt)
     * @param cancelledAt when its sender cancelled it
     * @param cancelReason why its sender cancelled it
     * @param shipProof proof of shipping
     * @param receiveProof proof of receipt
     * @param cancelProof proof of the cancellation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentView(String id, String from, String to, String destination, boolean isReturn,
            String status, Instant shippedAt, Instant receivedAt, Instant cancelledAt, String cancelReason,
            Proof shipProof, Proof receiveProof, Proof cancelProof) {
    }

    /** @param id product id @return the product @throws ApiException 404 naming it */
    public ProductView product(final String id) {
        final String canonical = canonical(id, "id");
        return read(c -> java.util.Optional.ofNullable(productIfKnown(c, canonical)))
                .orElseThrow(() -> ApiException.notFound("product", canonical));
    }

    /**
     * @param c connection
     * @param id canonical product id
     * @return the product, or null
     * @throws SQLException on a database error
     */
    public ProductView productIfKnown(final Connection c, final String id) throws SQLException {
        return Jdbc.first(c, "SELECT * FROM product WHERE id = ?", this::product, id).orElse(null);
    }

    /** @param id batch id @return the batch @throws ApiException 404 naming it */
    public BatchView batch(final String id) {
        final String canonical = canonical(id, "id");
        return read(c -> java.util.Optional.ofNullable(batchIfKnown(c, canonical)))
                .orElseThrow(() -> ApiException.notFound("batch", canonical));
    }

    /**
     * @param c connection
     * @param id canonical batch id
     * @return the batch, or null
     * @throws SQLException on a database error
     */
    public BatchView batchIfKnown(final Connection c, final String id) throws SQLException {
        return Jdbc.first(c, "SELECT b.*, ARRAY(SELECT recall_id FROM recall_batch r WHERE r.batch_id = b.id"
                + " ORDER BY recall_id) AS recall_ids, ARRAY(SELECT h.id FROM hold_batch hb JOIN hold h ON h.id ="
                + " hb.hold_id WHERE hb.batch_id = b.id AND h.released_at IS NULL ORDER BY h.id) AS hold_ids"
                + " FROM batch b WHERE b.id = ?", this::batch, id).orElse(null);
    }

    /** @param scanned code in any form @return the unit @throws ApiException 404 naming it */
    public UnitView unit(final String scanned) {
        final String code = canonical(scanned, "code");
        return read(c -> unit(c, code)).orElseThrow(() -> ApiException.notFound("unit", code));
    }

    /**
     * @param c connection
     * @param code canonical code
     * @return the unit, if known
     * @throws SQLException on a database error
     */
    public java.util.Optional<UnitView> unit(final Connection c, final String code) throws SQLException {
        return Jdbc.first(c, "SELECT u.*, (SELECT parent FROM aggregation_edge e WHERE e.child = u.code"
                + " AND e.valid_to IS NULL) AS parent FROM unit u WHERE u.code = ?", MasterData::unit, code);
    }

    /**
     * @param c connection
     * @param batchId batch
     * @param after codes after this one (exclusive)
     * @param limit most rows
     * @return the batch's units in code order
     * @throws SQLException on a database error
     */
    public List<UnitView> unitsOfBatch(final Connection c, final String batchId, final String after, final int limit)
            throws SQLException {
        return Jdbc.query(c, "SELECT u.*, (SELECT parent FROM aggregation_edge e WHERE e.child = u.code"
                + " AND e.valid_to IS NULL) AS parent FROM unit u WHERE u.batch_id = ? AND u.code > ?"
                + " ORDER BY u.code LIMIT ?", MasterData::unit, batchId, after, limit);
    }

    /** @param id shipment id @return the shipment @throws ApiException 404 naming it */
    public ShipmentView shipment(final String id) {
        return read(c -> Jdbc.first(c, "SELECT * FROM shipment WHERE id = ?", MasterData::shipment, id))
                .orElseThrow(() -> ApiException.notFound("shipment", id));
    }

    /**
     * @param scanned a code in any form
     * @param field the field it came from
     * @return the canonical code
     * @throws ApiException 400 naming the field
     */
    public String canonical(final String scanned, final String field) {
        try {
            return codes.canonical(scanned);
        } catch (InvalidCodeException e) {
            throw new ApiException(400, "INVALID_IDENTIFIER", field + " " + e.getMessage(),
                    List.of(new Problem.FieldError(field, e.getMessage())));
        }
    }

    /** A database read. */
    @FunctionalInterface
    public interface Read<T> {
        /** @param c connection @return the result @throws SQLException on a database error */
        T apply(Connection c) throws SQLException;
    }

    /**
     * Runs a read on a pooled connection.
     *
     * @param read the read
     * @param <T> result type
     * @return the result
     */
    public <T> T read(final Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.apply(c);
        } catch (SQLException e) {
            throw Jdbc.failure("read model query failed", e);
        }
    }

    /** @param text JSON text or null @return the tree, or null */
    public JsonNode json(final String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("read model holds invalid JSON", e);
        }
    }

    private ProductView product(final ResultSet rs) throws SQLException {
        return new ProductView(rs.getString("id"), rs.getString("kind"), rs.getString("name"), rs.getString("mah"),
                json(rs.getString("record")), Jdbc.instant(rs, "registered_at"), proof(rs, "tx_id", "block_number"));
    }

    private BatchView batch(final ResultSet rs) throws SQLException {
        return new BatchView(rs.getString("id"), rs.getString("product_id"), rs.getString("batch_number"),
                rs.getObject("production_date", LocalDate.class), rs.getObject("expiry_date", LocalDate.class),
                rs.getString("mah"), json(rs.getString("record")), json(rs.getString("lot_release")),
                proof(rs, "lot_release_tx_id", "lot_release_block"), strings(rs, "recall_ids"),
                strings(rs, "hold_ids"), Jdbc.instant(rs, "registered_at"), proof(rs, "tx_id", "block_number"));
    }

    private static UnitView unit(final ResultSet rs) throws SQLException {
        return new UnitView(rs.getString("code"), rs.getString("kind"), rs.getString("product_id"),
                rs.getString("batch_id"), (Integer) rs.getObject("package_level"), rs.getString("container_type"),
                rs.getString("status"), rs.getString("custodian"), rs.getString("location"),
                rs.getString("shipment_id"), rs.getBigDecimal("quantity"), rs.getString("uom"),
                rs.getString("parent"), Jdbc.instant(rs, "commissioned_at"),
                proof(rs, "commission_tx_id", "commission_block"), Jdbc.instant(rs, "ended_at"),
                rs.getString("ended_by"), proof(rs, "end_tx_id", "end_block"));
    }

    /** @param rs a row of table shipment @return the view @throws SQLException on a driver error */
    static ShipmentView shipment(final ResultSet rs) throws SQLException {
        return new ShipmentView(rs.getString("id"), rs.getString("from_msp"), rs.getString("to_msp"),
                rs.getString("destination"), rs.getBoolean("is_return"), rs.getString("status"),
                Jdbc.instant(rs, "shipped_at"), Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "cancelled_at"),
                rs.getString("cancel_reason"), proof(rs, "ship_tx_id", "ship_block"),
                proof(rs, "receive_tx_id", "receive_block"), proof(rs, "cancel_tx_id", "cancel_block"));
    }

    /**
     * @param rs row
     * @param txColumn tx id column
     * @param blockColumn block column
     * @return the proof, or null when the columns are null
     * @throws SQLException on a driver error
     */
    public static Proof proof(final ResultSet rs, final String txColumn, final String blockColumn)
            throws SQLException {
        final String txId = rs.getString(txColumn);
        final Long block = Jdbc.nullableLong(rs, blockColumn);
        return txId == null || block == null ? null : new Proof(txId, block);
    }

    /**
     * @param rs row
     * @param column a text[] column
     * @return its values
     * @throws SQLException on a driver error
     */
    public static List<String> strings(final ResultSet rs, final String column) throws SQLException {
        final java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
