// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.telemetry.Loggers.ndjson;
import static org.medtrace.gateway.telemetry.Loggers.push;
import static org.medtrace.gateway.testing.Api.as;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows closed, anchored on the ledger (the real chaincode on the dev peer, through the fabric-gateway SDK), proven
 * and checked against the ledger; excursions that hold the goods inside a case; receipts that need a trip's record.
 */
@QuarkusTest
@WithTestResource(TelemetryTestResource.class)
class AnchoringTest {

    private static final String NDJSON = IngestionRoute.NDJSON;

    @Test
    void an_honest_trip_is_anchored_on_demand_received_and_every_reading_is_proven_against_the_ledger()
            throws InterruptedException {
        final Loggers.Goods goods = Loggers.vaccinesInACaseWithALogger();
        final String shipment = "S-T-" + goods.logger().substring(goods.logger().length() - 8);
        // two hours of readings every 5 minutes before the trip, in range, sent out of order in two batches
        final Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        push(goods.token(), NDJSON, ndjson(goods.logger(), 13, 12, start.plusSeconds(3600), 300, s -> 4.0 + s % 3))
                .statusCode(200).body("stored", equalTo(12));
        push(goods.token(), NDJSON, ndjson(goods.logger(), 1, 12, start, 300, s -> 4.0 + s % 3)).statusCode(200)
                .body("stored", equalTo(12));
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", shipment, "codes", List.of(goods.caseId()),
                "to", "ShenDistMSP")).statusCode(201);
        // and the trip's own readings, taken after shipping
        Thread.sleep(1100);
        push(goods.token(), NDJSON, ndjson(goods.logger(), 25, 2, Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(1), 1, s -> 5.0)).statusCode(200).body("stored", equalTo(2));

        final JsonPath closed = post("shendist", "/api/v1/telemetry/windows/close", Map.of("shipmentId", shipment))
                .statusCode(200).extract().jsonPath();
        assertThat(closed.getList("loggerId", String.class)).containsExactly(goods.logger());
        assertThat(closed.getBoolean("[0].allAnchored")).isTrue();
        final JsonPath windows = get("shendist", "/api/v1/telemetry/windows", Map.of("loggerId", goods.logger()))
                .statusCode(200).extract().jsonPath();
        assertThat(windows.getList("status", String.class)).isNotEmpty().allMatch("anchored"::equals);
        assertThat(windows.getList("readingCount", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(26);
        assertThat(windows.getInt("[0].summary.minutesAbove")).isZero();
        post("shendist", "/api/v1/shipments/receive", Map.of("shipmentId", shipment)).statusCode(200);

        for (final int seq : List.of(1, 7, 13, 24)) {
            final Map<String, Object> proof = get("shendist", "/api/v1/telemetry/proof",
                    Map.of("loggerId", goods.logger(), "seq", seq)).statusCode(200).extract().as(Map.class);
            assertThat(proof.get("anchorTxId")).isNotNull();
            as("shanghai-mpa").body(proof).when().post("/api/v1/telemetry/proof/verify").then().statusCode(200)
                    .body("verified", equalTo(true)).body("ledgerAnchorFound", equalTo(true));
            // a changed temperature no longer verifies
            final Map<String, Object> forged = new java.util.HashMap<>(proof);
            final Map<String, Object> reading = new java.util.HashMap<>((Map<String, Object>) proof.get("reading"));
            reading.put("celsius", 3.0 + ((Number) reading.get("celsius")).doubleValue());
            forged.put("reading", reading);
            forged.remove("leaf");
            as("shanghai-mpa").body(forged).when().post("/api/v1/telemetry/proof/verify").then().statusCode(200)
                    .body("verified", equalTo(false)).body("pathLeadsToRoot", equalTo(false));
        }
        // a reading arriving after its window closed is kept, flagged late, and has no proof
        push(goods.token(), NDJSON, ndjson(goods.logger(), 100, 1, start.plusSeconds(60), 300, s -> 5.0))
                .statusCode(200).body("late", equalTo(1));
        get("shendist", "/api/v1/telemetry/proof", Map.of("loggerId", goods.logger(), "seq", 100)).statusCode(409)
                .body("code", equalTo("READING_NOT_ANCHORED"));
    }

    @Test
    void a_receipt_without_a_temperature_record_is_refused() {
        final Loggers.Goods goods = Loggers.vaccinesInACaseWithALogger();
        final String shipment = "S-N-" + goods.logger().substring(goods.logger().length() - 8);
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", shipment, "codes", List.of(goods.caseId()),
                "to", "ShenDistMSP")).statusCode(201);
        post("shendist", "/api/v1/telemetry/windows/close", Map.of("shipmentId", shipment)).statusCode(200);
        post("shendist", "/api/v1/shipments/receive", Map.of("shipmentId", shipment)).statusCode(422)
                .body("code", equalTo("TEMPERATURE_RECORD_MISSING"));
    }

    @Test
    void a_freeze_holds_the_units_inside_the_case_until_the_mah_releases_them() {
        final Loggers.Goods goods = Loggers.vaccinesInACaseWithALogger();
        // 90 minutes at -2 °C: the default preset (who-fridge) alarms on <= -0.5 °C for 60 minutes
        final Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        push(goods.token(), NDJSON, ndjson(goods.logger(), 1, 30, start, 300, s -> s > 6 && s <= 24 ? -2.0 : 5.0))
                .statusCode(200);
        post("coldlink", "/api/v1/telemetry/windows/close", Map.of("loggerId", goods.logger())).statusCode(200)
                .body("[0].allAnchored", equalTo(true));
        final JsonPath excursions = get("huaxia", "/api/v1/telemetry/excursions", Map.of("loggerId", goods.logger()))
                .statusCode(200).extract().jsonPath();
        assertThat(excursions.getList("rule", String.class)).containsExactly("who-fridge:freeze");
        assertThat(excursions.getString("[0].status")).isEqualTo("recorded");
        assertThat(excursions.getDouble("[0].peakCelsius")).isEqualTo(-2.0);
        final String holdId = excursions.getString("[0].excursionId");
        for (final String unit : goods.units()) {
            assertThat(holds(unit)).as("unit %s inside the case", unit).contains(holdId);
        }
        post("huaxia", "/api/v1/custody/holds/release", Map.of("holdId", holdId)).statusCode(200);
        for (final String unit : goods.units()) {
            assertThat(holds(unit)).doesNotContain(holdId);
        }
    }

    /** @return the hold ids of a unit's newest ledger state */
    private static List<String> holds(final String unit) {
        final List<Map<String, Object>> history = get("huaxia", "/api/v1/ledger/history",
                Map.of("type", "unit", "id", unit)).statusCode(200).extract().jsonPath().getList("history");
        final Map<String, Object> newest = history.stream()
                .max(java.util.Comparator.comparing(h -> String.valueOf(h.get("timestamp")))).orElseThrow();
        final Object holds = ((Map<?, ?>) newest.get("value")).get("holds");
        return holds == null ? List.of() : ((List<Map<String, Object>>) holds).stream()
                .map(h -> (String) h.get("holdId")).toList();
    }
}
