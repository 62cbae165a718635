// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.medtrace.gateway.projection.Proof;

/** The pieces of a provenance answer; every fact carries its ledger proof. */
public final class Views {

    private Views() {
    }

    /**
     * One ledger event concerning the subject: a custody step, a packing, a hold ...
     *
     * @param eventId the ledger event id (re-check with GET /api/v1/ledger/events/{eventId})
     * @param eventTime when it happened
     * @param type EPCIS event type
     * @param action ADD, OBSERVE, DELETE
     * @param bizStep CBV business step
     * @param disposition CBV disposition
     * @param transaction the chaincode transaction
     * @param actor the organisation that recorded it
     * @param source shipper
     * @param destination receiver
     * @param readPoint where observed
     * @param bizLocation where the goods are afterwards
     * @param shipmentId shipment
     * @param via the container the event named, when the subject was inside it
     * @param proof ledger proof
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String eventId, Instant eventTime, String type, String action, String bizStep,
            String disposition, String transaction, String actor, String source, String destination,
            String readPoint, String bizLocation, String shipmentId, String via, Proof proof) {
    }

    /**
     * An aggregation edge over time.
     *
     * @param parent container
     * @param child content
     * @param validFrom packed at
     * @param validTo unpacked at (null: still packed)
     * @param packProof proof of packing
     * @param unpackProof proof of unpacking
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String parent, String child, Instant validFrom, Instant validTo, Proof packProof,
            Proof unpackProof) {
    }

    /**
     * A source lot of a batch, through a transformation.
     *
     * @param batchId the source batch
     * @param quantity how much of it was used
     * @param uom unit
     * @param transformationId the transformation
     * @param processingMethod 炮制 method
     * @param batch the source batch itself (with herbal origin), if projected
     * @param sourceLots its own sources
     * @param proof proof of the transformation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceLot(String batchId, BigDecimal quantity, String uom, String transformationId,
            String processingMethod, MasterData.BatchView batch, List<SourceLot> sourceLots, Proof proof) {
    }

    /**
     * A transformation.
     *
     * @param id id
     * @param processingMethod method
     * @param actor who
     * @param eventTime when
     * @param inputs inputs
     * @param outputBatchIds produced batches
     * @param proof ledger proof
     */
    public record Transformation(String id, String processingMethod, String actor, Instant eventTime,
            List<Amount> inputs, List<Amount> outputBatchIds, Proof proof) {
    }

    /**
     * An amount of a code or batch.
     *
     * @param code the code, if any
     * @param batchId the batch, if any
     * @param quantity quantity
     * @param uom unit
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amount(String code, String batchId, BigDecimal quantity, String uom) {
    }

    /**
     * A hold.
     *
     * @param id id
     * @param reason reason
     * @param placedBy who
     * @param placedAt when
     * @param releasedAt release time, null while in force
     * @param releasedBy who released
     * @param proof proof of the hold
     * @param releaseProof proof of the release
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hold(String id, String reason, String placedBy, Instant placedAt, Instant releasedAt,
            String releasedBy, Proof proof, Proof releaseProof) {
    }

    /**
     * A recall.
     *
     * @param id id
     * @param level I, II, III
     * @param reason reason
     * @param createdBy who
     * @param createdAt when
     * @param batchIds recalled batches
     * @param proof ledger proof
     */
    public record Recall(String id, String level, String reason, String createdBy, Instant createdAt,
            List<String> batchIds, Proof proof) {
    }

    /**
     * One custody leg (a shipment) with its temperature record.
     *
     * @param shipment the shipment
     * @param temperature summary of the anchored windows of the leg's loggers, null if none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Leg(MasterData.ShipmentView shipment, Temperature temperature) {
    }

    /**
     * Temperature of a leg from the anchored windows overlapping it.
     *
     * @param loggerIds loggers that covered the leg
     * @param windows anchored windows
     * @param readings readings in them
     * @param minCelsius lowest
     * @param maxCelsius highest
     * @param meanCelsius reading-weighted mean
     * @param minutesAbove minutes above the band
     * @param minutesBelow minutes below the band
     * @param excursionIds excursions of those loggers during the leg
     * @param anchors the windows with their Merkle roots and proofs
     */
    public record Temperature(List<String> loggerIds, int windows, long readings, BigDecimal minCelsius,
            BigDecimal maxCelsius, BigDecimal meanCelsius, BigDecimal minutesAbove, BigDecimal minutesBelow,
            List<String> excursionIds, List<Anchor> anchors) {
    }

    /**
     * An anchored window.
     *
     * @param loggerId logger
     * @param windowStart start
     * @param windowEnd end
     * @param merkleRoot root of the readings
     * @param readingCount readings
     * @param proof ledger proof
     */
    public record Anchor(String loggerId, Instant windowStart, Instant windowEnd, String merkleRoot,
            int readingCount, Proof proof) {
    }
}
