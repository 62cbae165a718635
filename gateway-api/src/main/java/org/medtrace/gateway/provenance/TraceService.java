// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;

/**
 * Forward trace (去向可追: where every unit of a batch went, where it is now, which batches were made from it) and
 * backward trace (来源可查: containers, shippers, batch, producer, source lots and their origin).
 */
@ApplicationScoped
public class TraceService {

    @Inject
    MasterData masterData;
    @Inject
    ProvenanceService provenance;

    /**
     * Where the units of a batch are, grouped.
     *
     * @param status unit status
     * @param custodian custodian
     * @param units how many units
     * @param quantity their total remaining quantity (lot-based goods)
     */
    public record Holding(String status, String custodian, long units, BigDecimal quantity) {
    }

    /**
     * Forward trace of a batch.
     *
     * @param batchId the batch
     * @param holdings units grouped by status and custodian
     * @param shipments shipments that carried its units
     * @param units the units (first page), each with its state now
     * @param nextAfter cursor for the next page of units, or null
     * @param derivedBatchIds batches made from it, followed forward through transformations
     */
    public record ForwardTrace(String batchId, List<Holding> holdings, List<MasterData.ShipmentView> shipments,
            List<MasterData.UnitView> units, String nextAfter, List<String> derivedBatchIds) {
    }

    /**
     * Backward trace of a unit.
     *
     * @param code the unit
     * @param origin product, batch, source lots
     * @param containers containers over time
     * @param legs custody legs, oldest first (shippers and receivers)
     */
    public record BackwardTrace(String code, ProvenanceService.Origin origin, List<Views.Edge> containers,
            List<Views.Leg> legs) {
    }

    /**
     * @param id batch identifier
     * @param after unit cursor (exclusive), or null
     * @param pageSize units per page, 1..1000
     * @return the forward trace
     */
    public ForwardTrace forward(final String id, final String after, final int pageSize) {
        final String batchId = masterData.canonical(id, "batchId");
        return masterData.read(c -> {
            if (masterData.batchIfKnown(c, batchId) == null) {
                throw ApiException.notFound("batch", batchId);
            }
            final List<Holding> holdings = Jdbc.query(c, "SELECT status, custodian, count(*) AS n, sum(quantity) AS q"
                    + " FROM unit WHERE batch_id = ? GROUP BY status, custodian ORDER BY status, custodian",
                    rs -> new Holding(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)), batchId);
            final List<String> shipmentIds = Jdbc.query(c, "SELECT DISTINCT te.shipment_id FROM unit u"
                    + " JOIN trace_event_unit teu ON teu.code = u.code JOIN trace_event te ON te.seq = teu.event_seq"
                    + " WHERE u.batch_id = ? AND te.biz_step = 'shipping' AND te.shipment_id IS NOT NULL LIMIT ?",
                    rs -> rs.getString(1), batchId, ProvenanceQueries.ROWS_MAX);
            final List<MasterData.UnitView> units = masterData.unitsOfBatch(c, batchId, after == null ? "" : after,
                    pageSize + 1);
            final String next = units.size() > pageSize ? units.get(pageSize - 1).code() : null;
            return new ForwardTrace(batchId, holdings, ProvenanceQueries.shipments(c, shipmentIds),
                    units.subList(0, Math.min(pageSize, units.size())), next, derived(c, batchId));
        });
    }

    private static List<String> derived(final Connection c, final String batchId) throws SQLException {
        final Set<String> found = new LinkedHashSet<>();
        List<String> frontier = List.of(batchId);
        for (int depth = 0; depth < ProvenanceQueries.DEPTH_MAX && !frontier.isEmpty(); depth++) {
            final List<String> next = Jdbc.query(c, "SELECT DISTINCT o.batch_id FROM transformation_input i"
                    + " JOIN transformation_output o ON o.transformation_id = i.transformation_id"
                    + " WHERE i.batch_id = ANY(?) ORDER BY 1", rs -> rs.getString(1), frontier);
            next.removeIf(found::contains);
            found.addAll(next);
            frontier = next;
        }
        return List.copyOf(found);
    }

    /**
     * @param scanned a code in any form
     * @return its backward trace
     */
    public BackwardTrace backward(final String scanned) {
        final ProvenanceService.UnitProvenance full = provenance.unit(scanned);
        return new BackwardTrace(full.unit().code(), full.origin(), full.containers(), full.legs());
    }
}
