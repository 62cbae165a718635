// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/** A temperature excursion holds the goods associated with its logger; the scan says HELD until the MAH releases. */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class ExcursionHoldTest {

    @Test
    void an_excursion_holds_the_goods_until_the_mah_releases_them() {
        final String run = Api.digits(8);
        final String p = "88.118.8866/";
        post("bencao", "/api/v1/products", Map.of("id", p + "PRD-EX-" + run, "kind", "herbal_slice", "name", "枸杞",
                "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
        post("bencao", "/api/v1/batches", Map.of("id", p + "LOT-EX-" + run, "productId", p + "PRD-EX-" + run,
                "batchNumber", "EX" + run, "productionDate", LocalDate.now().minusDays(3).toString(),
                "expiryDate", LocalDate.now().plusYears(1).toString(),
                "herbal", Map.of("processingMethod", "晒干", "testReportRef", "TR-EX-" + run))).statusCode(201);
        final String bag = p + "EX-" + run;
        post("bencao", "/api/v1/units/commission", Map.of("batchId", p + "LOT-EX-" + run, "packageLevel", 1,
                "codes", List.of(bag), "quantity", Map.of("value", 2, "uom", "KGM"))).statusCode(201);
        final String logger = p + "LOGGER-EX-" + run;
        post("bencao", "/api/v1/loggers", Map.of("loggerId", logger)).statusCode(201);
        post("bencao", "/api/v1/loggers/associate", Map.of("loggerId", logger, "targets", List.of(bag)))
                .statusCode(200);
        final Instant started = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        post("bencao", "/api/v1/loggers/excursions", Map.of("excursionId", "EXC-" + run, "loggerId", logger,
                "kind", "high", "startedAt", started.toString(), "minutes", 35, "peakCelsius", 31.5,
                "rule", "above 25 °C for 30 min")).statusCode(201);

        get("bencao", "/api/v1/verification", Map.of("code", bag)).statusCode(200)
                .body("verdict", equalTo("HELD")).body("reason", org.hamcrest.Matchers.containsString("EXC-" + run));
        get("bencao", "/api/v1/provenance/unit", Map.of("code", bag)).statusCode(200)
                .body("holds.id", hasItem("EXC-" + run));
        post("bencao", "/api/v1/shipments", Map.of("shipmentId", "EXS-" + run, "codes", List.of(bag),
                "to", "ShenDistMSP")).statusCode(409).body("code", equalTo("UNIT_HELD"));

        post("bencao", "/api/v1/custody/holds/release", Map.of("holdId", "EXC-" + run)).statusCode(200);
        get("bencao", "/api/v1/verification", Map.of("code", bag)).statusCode(200)
                .body("verdict", equalTo("GENUINE"));
    }
}
