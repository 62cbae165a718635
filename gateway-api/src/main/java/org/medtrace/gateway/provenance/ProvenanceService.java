// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medtrace.gateway.errors.ApiException;

/**
 * Provenance: the full chain of a unit, a case or a batch from the read model. Origin (product, batch, lot release,
 * herbal origin and source lots), every event with parties, places and times, aggregation over time,
 * transformations, holds, recalls and the temperature of each leg; every fact with its ledger proof.
 */
@ApplicationScoped
public class ProvenanceService {

    private final MasterData masterData;

    /** @param masterData the read model */
    @Inject
    public ProvenanceService(final MasterData masterData) {
        this.masterData = masterData;
    }

    /**
     * Origin of goods.
     *
     * @param product the product
     * @param batch the batch, with lot release and herbal origin
     * @param sourceLots the lots it was made from, followed back
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(MasterData.ProductView product, MasterData.BatchView batch, List<Views.SourceLot> sourceLots) {
    }

    /**
     * Provenance of a unit or container.
     *
     * @param unit the unit now
     * @param origin its origin (null for a logistic container)
     * @param events every event that concerned it, in ledger order
     * @param containers what it was packed in, over time (and what those were packed in)
     * @param contents what it contained, over time
     * @param legs custody legs with their temperature
     * @param transformations transformations it went into
     * @param holds holds on it, its containers or its batch
     * @param recalls recalls of its batch
     */
    public record UnitProvenance(MasterData.UnitView unit, Origin origin, List<Views.Step> events,
            List<Views.Edge> containers, List<Views.Edge> contents, List<Views.Leg> legs,
            List<Views.Transformation> transformations, List<Views.Hold> holds, List<Views.Recall> recalls) {
    }

    /**
     * Provenance of a batch.
     *
     * @param origin the batch, its product and source lots
     * @param events batch-level events (registration, lot release, recall, holds)
     * @param transformations transformations that consumed or produced it
     * @param holds holds on it
     * @param recalls recalls of it
     */
    public record BatchProvenance(Origin origin, List<Views.Step> events, List<Views.Transformation> transformations,
            List<Views.Hold> holds, List<Views.Recall> recalls) {
    }

    /**
     * @param scanned a code in any scanned form
     * @return its provenance
     * @throws ApiException 404 naming the code if unknown
     */
    public UnitProvenance unit(final String scanned) {
        final String code = masterData.canonical(scanned, "code");
        return masterData.read(c -> {
            final MasterData.UnitView unit = masterData.unit(c, code)
                    .orElseThrow(() -> ApiException.notFound("unit", code));
            return unitProvenance(c, unit);
        });
    }

    private UnitProvenance unitProvenance(final Connection c, final MasterData.UnitView unit) throws SQLException {
        final List<Views.Step> events = ProvenanceQueries.unitSteps(c, unit.code());
        final List<Views.Edge> containers = ProvenanceQueries.ancestors(c, unit.code());
        final Set<String> codes = new LinkedHashSet<>();
        final List<ProvenanceQueries.Containment> goods = new ArrayList<>();
        codes.add(unit.code());
        goods.add(new ProvenanceQueries.Containment(unit.code(), null, null));
        for (final Views.Edge edge : containers) {
            codes.add(edge.parent());
            goods.add(new ProvenanceQueries.Containment(edge.parent(), edge.validFrom(), edge.validTo()));
        }
        final List<String> batches = unit.batchId() == null ? List.of() : List.of(unit.batchId());
        return new UnitProvenance(unit, origin(c, unit.productId(), unit.batchId()), events, containers,
                ProvenanceQueries.children(c, unit.code()), legs(c, events, goods),
                ProvenanceQueries.transformations(c, List.of(unit.code()), batches),
                ProvenanceQueries.holds(c, codes, batches), ProvenanceQueries.recalls(c, batches));
    }

    /**
     * @param id a batch identifier
     * @return its provenance
     * @throws ApiException 404 naming the batch if unknown
     */
    public BatchProvenance batch(final String id) {
        final String batchId = masterData.canonical(id, "batchId");
        return masterData.read(c -> {
            final MasterData.BatchView batch = masterData.batchIfKnown(c, batchId);
            if (batch == null) {
                throw ApiException.notFound("batch", batchId);
            }
            final List<String> batches = List.of(batchId);
            return new BatchProvenance(origin(c, batch.productId(), batchId), ProvenanceQueries.batchSteps(c, batchId),
                    ProvenanceQueries.transformations(c, List.of(), batches), ProvenanceQueries.holds(c, List.of(),
                    batches), ProvenanceQueries.recalls(c, batches));
        });
    }

    Origin origin(final Connection c, final String productId, final String batchId) throws SQLException {
        if (productId == null && batchId == null) {
            return null;
        }
        return new Origin(productId == null ? null : masterData.productIfKnown(c, productId),
                batchId == null ? null : masterData.batchIfKnown(c, batchId),
                batchId == null ? List.of() : ProvenanceQueries.sourceLots(c, masterData, batchId, 0));
    }

    private static List<Views.Leg> legs(final Connection c, final List<Views.Step> events,
            final List<ProvenanceQueries.Containment> goods)
            throws SQLException {
        final Set<String> shipmentIds = new LinkedHashSet<>();
        for (final Views.Step step : events) {
            if (step.shipmentId() != null && "shipping".equals(step.bizStep())) {
                shipmentIds.add(step.shipmentId());
            }
        }
        final List<Views.Leg> legs = new ArrayList<>();
        if (shipmentIds.isEmpty()) {
            return legs;
        }
        final List<String> codes = goods.stream().map(ProvenanceQueries.Containment::code).toList();
        final List<ProvenanceQueries.Association> associations = ProvenanceQueries.associations(c, codes);
        final java.util.Map<String, List<String>> recorded = ProvenanceQueries.shipmentLoggers(c, shipmentIds);
        for (final MasterData.ShipmentView shipment : ProvenanceQueries.shipments(c, shipmentIds)) {
            final List<String> loggers = ProvenanceQueries.legLoggers(shipment,
                    recorded.getOrDefault(shipment.id(), List.of()), goods, associations);
            legs.add(new Views.Leg(shipment, ProvenanceQueries.temperature(c, shipment, loggers)));
        }
        return legs;
    }
}
