// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The vaccine story as ledger events (shaped as the chaincode emits them): product, batch, lot release, three units
 * packed in a case with a logger, shipped to a distributor with an anchored temperature window, received, one unit
 * unpacked, shipped on to a CDC and administered.
 */
public final class VaccineStory {

    /** Identifier prefix of the story's codes. */
    public static final String PREFIX = "88.118.8866/";
    /** Product. */
    public static final String PRODUCT = PREFIX + "PRD-HPV9";
    /** Batch. */
    public static final String BATCH = PREFIX + "BATCH-202611A";
    /** The case. */
    public static final String CASE = PREFIX + "00069012345000000017";
    /** The units. */
    public static final List<String> UNITS = List.of(PREFIX + "81234560000000000011", PREFIX + "81234560000000000012",
            PREFIX + "81234560000000000013");
    /** The logger. */
    public static final String LOGGER = "LOGGER-7";
    /** First leg. */
    public static final String SHIPMENT_1 = "SHIP-1";
    /** Second leg. */
    public static final String SHIPMENT_2 = "SHIP-2";

    private VaccineStory() {
    }

    /**
     * Plays the story.
     *
     * @param ledger where to
     * @param start when the story starts
     */
    public static void play(final SyntheticLedger ledger, final Instant start) {
        final String mah = "HuaxiaVaccineMSP";
        final Clock t = new Clock(start);
        final SyntheticLedger.Event product = ledger.event("ObjectEvent", "product:register", mah, t.next())
                .step("creating_class_instance", "active", "ADD").classes(List.of(PRODUCT), List.of());
        product.ilmd().put("id", PRODUCT).put("kind", "vaccine").put("name", "HPV vaccine (9-valent)")
                .put("mah", mah).put("productCode", "1234560");
        ledger.commit(product);
        final SyntheticLedger.Event batch = ledger.event("ObjectEvent", "batch:register", mah, t.next())
                .step("creating_class_instance", "active", "ADD").classes(List.of(PRODUCT), List.of(BATCH));
        batch.ilmd().put("id", BATCH).put("productId", PRODUCT).put("batchNumber", "202611A")
                .put("productionDate", "2026-11-01").put("expiryDate", "2029-10-31").put("mah", mah);
        ledger.commit(batch);
        final SyntheticLedger.Event release = ledger.event("ObjectEvent", "batch:recordLotRelease", mah, t.next())
                .step("inspecting", "active", "OBSERVE").classes(List.of(PRODUCT), List.of(BATCH));
        release.ilmd().putObject("lotRelease").put("certificateNumber", "SJ-2026-1101").put("issuer", "NIFDC");
        ledger.commit(release);
        final SyntheticLedger.Event commission = ledger.event("ObjectEvent", "unit:commission", mah, t.next())
                .step("commissioning", "active", "ADD").epcs(UNITS).classes(List.of(PRODUCT), List.of(BATCH));
        commission.ilmd().put("productId", PRODUCT).put("batchId", BATCH).put("packageLevel", 1);
        ledger.commit(commission);
        final SyntheticLedger.Event container = ledger.event("ObjectEvent", "unit:commissionContainers", mah, t.next())
                .step("commissioning", "active", "ADD").epcs(List.of(CASE));
        container.ilmd().put("containerType", "case");
        ledger.commit(container);
        ledger.commit(ledger.event("AggregationEvent", "aggregation:pack", mah, t.next())
                .step("packing", "in_progress", "ADD").parent(CASE, UNITS));
        playColdChain(ledger, t);
        playDistribution(ledger, t);
    }

    private static void playColdChain(final SyntheticLedger ledger, final Clock t) {
        final SyntheticLedger.Event register = ledger.event("ObjectEvent", "telemetry:registerLogger", "ColdLinkMSP",
                t.next()).step("commissioning", "active", "ADD").epcs(List.of(LOGGER));
        register.ilmd().put("id", LOGGER).put("owner", "ColdLinkMSP").put("model", "TL-30");
        ledger.commit(register);
        final SyntheticLedger.Event associate = ledger.event("AssociationEvent", "telemetry:associate",
                "HuaxiaVaccineMSP", t.next()).step("assembling", "active", "ADD").parent(LOGGER, List.of(CASE));
        ledger.commit(associate);
        ledger.commit(ledger.event("ObjectEvent", "custody:ship", "HuaxiaVaccineMSP", t.next())
                .step("shipping", "in_transit", "OBSERVE").epcs(List.of(CASE)).meta("shipmentId", SHIPMENT_1)
                .parties("HuaxiaVaccineMSP", "ShenDistMSP").classes(List.of(PRODUCT), List.of(BATCH)));
        final Instant windowStart = t.now();
        final Instant windowEnd = t.next().plus(Duration.ofHours(2));
        t.advance(Duration.ofHours(2));
        final SyntheticLedger.Event anchor = ledger.event("ObjectEvent", "telemetry:anchor", "ColdLinkMSP", t.next())
                .step("sensor_reporting", null, "OBSERVE").epcs(List.of(CASE));
        final com.fasterxml.jackson.databind.node.ObjectNode sensor = anchor.sensorElements().addObject();
        sensor.putObject("sensorMetadata").put("deviceID", LOGGER).put("startTime", windowStart.toString())
                .put("endTime", windowEnd.toString());
        sensor.putArray("sensorReport").addObject().put("type", "Temperature").put("uom", "CEL")
                .put("minValue", 3.1).put("maxValue", 6.4).put("meanValue", 4.8);
        anchor.details().put("merkleRoot", "ab".repeat(32)).put("readingCount", 24)
                .putObject("summary").put("minCelsius", 3.1).put("maxCelsius", 6.4).put("meanCelsius", 4.8)
                .put("mktCelsius", 4.9).put("minutesAbove", 0).put("minutesBelow", 0);
        ledger.commit(anchor);
        ledger.commit(ledger.event("ObjectEvent", "custody:receive", "ShenDistMSP", t.next())
                .step("receiving", "in_progress", "OBSERVE").epcs(List.of(CASE)).meta("shipmentId", SHIPMENT_1)
                .location("urn:medtrace:loc:shendist-wh1").classes(List.of(PRODUCT), List.of(BATCH)));
    }

    private static void playDistribution(final SyntheticLedger ledger, final Clock t) {
        ledger.commit(ledger.event("AggregationEvent", "aggregation:unpack", "ShenDistMSP", t.next())
                .step("unpacking", "in_progress", "DELETE").parent(CASE, List.of(UNITS.get(0))));
        ledger.commit(ledger.event("ObjectEvent", "custody:ship", "ShenDistMSP", t.next())
                .step("shipping", "in_transit", "OBSERVE").epcs(List.of(UNITS.get(0))).meta("shipmentId", SHIPMENT_2)
                .parties("ShenDistMSP", "MinhangCdcMSP").classes(List.of(PRODUCT), List.of(BATCH)));
        ledger.commit(ledger.event("ObjectEvent", "custody:receive", "MinhangCdcMSP", t.next())
                .step("receiving", "in_progress", "OBSERVE").epcs(List.of(UNITS.get(0)))
                .meta("shipmentId", SHIPMENT_2).classes(List.of(PRODUCT), List.of(BATCH)));
        final SyntheticLedger.Event administer = ledger.event("ObjectEvent", "custody:administer", "MinhangCdcMSP",
                t.next()).step("dispensing", "dispensed", "OBSERVE").epcs(List.of(UNITS.get(0)))
                .classes(List.of(PRODUCT), List.of(BATCH));
        administer.details().put("kind", "vaccination");
        ledger.commit(administer);
    }

    /** Story time, a minute a step. */
    static final class Clock {
        private Instant now;

        Clock(final Instant start) {
            this.now = start;
        }

        Instant next() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }

        Instant now() {
            return now;
        }

        void advance(final Duration duration) {
            now = now.plus(duration);
        }
    }
}
