// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The whole vaccine story through the REST API, the fabric-gateway SDK, the dev peer and the real chaincode: register
 * product and batch, lot release, commission (20-digit NMPA codes), pack into a case (GS1 element string), ship with
 * a logger and an anchored temperature window, receive, unpack, ship on to a CDC, administer, verify, provenance.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class VaccineStoryTest {

    private static final String PREFIX = "88.118.8866/";

    @Test
    void a_vaccine_goes_from_the_manufacturer_to_a_vaccinee_and_its_provenance_shows_every_step() {
        final String run = Api.digits(8);
        final String product = PREFIX + "PRD-V-" + run;
        final String batch = PREFIX + "BATCH-V-" + run;
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "HPV vaccine (9-valent)",
                "approvalNumber", "国药准字S2026" + run.substring(0, 4), "productCode", Api.productCode(run),
                "packageLevels", List.of(Map.of("level", 1, "name", "支"), Map.of("level", 2, "name", "箱"))))
                .statusCode(201).body("txId", notNullValue()).body("projected", equalTo(true));
        post("huaxia", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "V" + run,
                "productionDate", LocalDate.now().minusDays(10).toString(),
                "expiryDate", LocalDate.now().plusYears(2).toString())).statusCode(201);
        final Map<String, String> release = Map.of("batchId", batch, "certificateNumber", "SJ" + run,
                "releaseDate", LocalDate.now().minusDays(2).toString());
        // 批签发 is the lot-release authority's: the MAH cannot record its own
        post("huaxia", "/api/v1/batches/lot-release", release).statusCode(403).body("code", equalTo("ACCESS_DENIED"));
        post("sidc", "/api/v1/batches/lot-release", release).statusCode(200);

        final List<String> nmpa = Api.nmpaCodes(Api.productCode(run), 3);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", nmpa))
                .statusCode(201).body("result.count", equalTo(3));
        final String caseScan = Api.ssccElementString();
        final String caseId = Api.ssccIdentifier(caseScan);
        post("huaxia", "/api/v1/units/containers", Map.of("containerType", "case", "codes", List.of(caseScan)))
                .statusCode(201);
        post("huaxia", "/api/v1/units/pack", Map.of("parent", caseScan, "children", nmpa)).statusCode(200);

        final String logger = PREFIX + "LOGGER-" + run;
        post("coldlink", "/api/v1/loggers", Map.of("loggerId", logger, "model", "TL-30")).statusCode(201);
        post("huaxia", "/api/v1/loggers/associate", Map.of("loggerId", logger, "targets", List.of(caseId)))
                .statusCode(200);
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", "S1-" + run, "codes", List.of(caseId),
                "to", "ShenDistMSP")).statusCode(201);
        final Instant firstShipped = shippedAt("S1-" + run);
        final Instant firstEnd = anchor(logger, firstShipped.minus(1, ChronoUnit.MINUTES), firstShipped);
        post("shendist", "/api/v1/shipments/receive", Map.of("shipmentId", "S1-" + run)).statusCode(200);

        post("shendist", "/api/v1/units/unpack", Map.of("parent", caseId, "children", List.of(nmpa.get(0))))
                .statusCode(200);
        post("shendist", "/api/v1/loggers/associate", Map.of("loggerId", logger, "targets", List.of(nmpa.get(0))))
                .statusCode(200);
        post("shendist", "/api/v1/shipments", Map.of("shipmentId", "S2-" + run, "codes", List.of(nmpa.get(0)),
                "to", "MinhangCdcMSP")).statusCode(201);
        anchor(logger, firstEnd, shippedAt("S2-" + run));
        post("minhang-cdc", "/api/v1/shipments/receive", Map.of("shipmentId", "S2-" + run)).statusCode(200);
        post("minhang-cdc", "/api/v1/custody/administer", Map.of("codes", List.of(nmpa.get(0)),
                "vaccineeId", "310101199001011234", "vaccineeSalt", "salt-kept-by-the-cdc-" + run)).statusCode(200);

        verifies(nmpa, product, batch);
        provenanceShowsEverything(nmpa.get(0), caseId);
    }

    private static void verifies(final List<String> nmpa, final String product, final String batch) {
        get("minhang-cdc", "/api/v1/verification", Map.of("code", nmpa.get(0))).statusCode(200)
                .body("verdict", equalTo("ALREADY_DISPENSED")).body("code", equalTo(PREFIX + nmpa.get(0)));
        get("shendist", "/api/v1/verification", Map.of("code", nmpa.get(1))).statusCode(200)
                .body("verdict", equalTo("GENUINE")).body("productId", equalTo(product))
                .body("batchId", equalTo(batch)).body("custodian", equalTo("ShenDistMSP"));
        get("shendist", "/api/v1/verification", Map.of("code", Api.nmpaCode())).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));
    }

    private static void provenanceShowsEverything(final String code, final String caseId) {
        final JsonPath provenance = get("shanghai-mpa", "/api/v1/provenance/unit", Map.of("code", code))
                .statusCode(200).extract().jsonPath();
        assertThat(provenance.getList("events.bizStep", String.class)).containsSubsequence("commissioning", "packing",
                "shipping", "receiving", "unpacking", "shipping", "receiving", "dispensing");
        assertThat(provenance.getList("events.proof.txId", String.class)).doesNotContainNull();
        assertThat(provenance.getString("origin.batch.lotRelease.certificateNumber")).startsWith("SJ");
        assertThat(provenance.getList("containers.parent", String.class)).containsExactly(caseId);
        assertThat(provenance.getString("containers[0].validTo")).isNotNull();
        assertThat(provenance.getList("legs.shipment.to", String.class)).containsExactly("ShenDistMSP",
                "MinhangCdcMSP");
        assertThat(provenance.getList("legs.temperature.windows", Integer.class)).allMatch(n -> n >= 1);
        assertThat(provenance.getString("unit.status")).isEqualTo("dispensed");

        final String eventId = provenance.getString("events[0].eventId");
        get("shanghai-mpa", "/api/v1/ledger/events", Map.of("eventId", eventId)).statusCode(200)
                .body("eventID", equalTo(eventId));
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of("bizStep", "dispensing", "organization",
                "MinhangCdcMSP")).statusCode(200).body("items.event.epcList.flatten()", hasItem(PREFIX + code));
    }

    private static Instant shippedAt(final String shipmentId) {
        return Instant.parse(get("huaxia", "/api/v1/shipments/" + shipmentId, Map.of()).statusCode(200)
                .extract().path("shippedAt"));
    }

    /**
     * Anchors a window of readings from {@code start} to now, once now lies after {@code shippedAt} (the receipt
     * wants a window that ends after the shipment; on a fast machine the anchor could otherwise end before it).
     *
     * @return the window's end
     */
    static Instant anchor(final String logger, final Instant start, final Instant shippedAt) {
        final Instant end = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> Instant.now().minusMillis(50).truncatedTo(ChronoUnit.MILLIS), t -> t.isAfter(shippedAt));
        post("coldlink-logger", "/api/v1/loggers/anchors", Map.of("loggerId", logger,
                "windowStart", start.toString(), "windowEnd", end.toString(), "merkleRoot", "ab".repeat(32),
                "readingCount", 12, "summary", Map.ofEntries(Map.entry("minCelsius", 3.2), Map.entry("maxCelsius", 6.1),
                        Map.entry("meanCelsius", 4.7), Map.entry("mktCelsius", 4.8), Map.entry("minutesAbove", 0),
                        Map.entry("minutesBelow", 0), Map.entry("longestAboveMinutes", 0),
                        Map.entry("longestBelowMinutes", 0), Map.entry("gapCount", 0),
                        Map.entry("longestGapMinutes", 0), Map.entry("bandMinCelsius", 2),
                        Map.entry("bandMaxCelsius", 8)))).statusCode(201);
        return end;
    }
}
