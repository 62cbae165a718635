// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * Recall scope (current holders with quantities, in transit, dispensed) and the alerts regulators list: a second
 * dispense of one code, and a scan after destruction.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class RecallAndAlertsTest {

    private static final String PREFIX = "88.118.8866/";

    @Test
    void a_recall_shows_who_holds_what_what_is_on_the_road_and_what_was_dispensed() {
        final String run = Api.digits(8);
        final String product = PREFIX + "PRD-DS-" + run;
        final String batch = PREFIX + "LOT-DS-" + run;
        post("bencao", "/api/v1/products", Map.of("id", product, "kind", "herbal_slice", "name", "当归饮片",
                "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
        post("bencao", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "DS" + run,
                "productionDate", LocalDate.now().minusDays(5).toString(),
                "expiryDate", LocalDate.now().plusYears(2).toString(),
                "herbal", Map.of("processingMethod", "酒炙", "testReportRef", "TR-DS-" + run))).statusCode(201);
        final List<String> u = List.of(PREFIX + "DS-" + run + "-0", PREFIX + "DS-" + run + "-1",
                PREFIX + "DS-" + run + "-2", PREFIX + "DS-" + run + "-3", PREFIX + "DS-" + run + "-4");
        post("bencao", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", u,
                "quantity", Map.of("value", 10, "uom", "KGM"))).statusCode(201);
        ship("bencao", "R1-" + run, List.of(u.get(0), u.get(1)), "ShenDistMSP", "shendist");
        ship("bencao", "R2-" + run, List.of(u.get(2)), "RenjiHospitalMSP", "renji");
        ship("bencao", "R3-" + run, List.of(u.get(3)), "RenjiHospitalMSP", null);
        post("renji", "/api/v1/custody/dispense", Map.of("codes", List.of(u.get(2)))).statusCode(200);

        post("renji", "/api/v1/custody/dispense", Map.of("codes", List.of(u.get(2)))).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("UNIT_ALREADY_DISPENSED"));

        post("bencao", "/api/v1/recalls", Map.of("recallId", "RC-" + run, "batchIds", List.of(batch),
                "level", "II", "reason", "含量测定不合格")).statusCode(201);
        final JsonPath scope = get("bencao", "/api/v1/recalls/scope", Map.of("recallId", "RC-" + run)).statusCode(200)
                .extract().jsonPath();
        assertThat(scope.getList("holders.custodian", String.class))
                .containsExactly("BencaoHerbalMSP", "ShenDistMSP");
        assertThat(scope.getList("holders.units", Integer.class)).containsExactly(1, 2);
        assertThat(scope.getList("holders.quantity", Integer.class)).containsExactly(10, 20);
        assertThat(scope.getList("inTransit.shipmentId", String.class)).containsExactly("R3-" + run);
        assertThat(scope.getInt("dispensedCount")).isEqualTo(1);
        assertThat(scope.getString("dispensed[0].code")).isEqualTo(u.get(2));
        assertThat(scope.getString("dispensed[0].dispensedBy")).isEqualTo("RenjiHospitalMSP");
        get("shendist", "/api/v1/recalls/scope", Map.of("recallId", "RC-" + run)).statusCode(403)
                .body("code", equalTo("ACCESS_DENIED"));

        get("shendist", "/api/v1/verification", Map.of("code", u.get(0))).statusCode(200)
                .body("verdict", equalTo("RECALLED"));
        post("bencao", "/api/v1/custody/destroy", Map.of("codes", List.of(u.get(4)), "reason", "recall RC-" + run))
                .statusCode(200);
        get("bencao", "/api/v1/verification", Map.of("code", u.get(4))).statusCode(200)
                .body("verdict", equalTo("DESTROYED"));

        final JsonPath alerts = get("shanghai-mpa", "/api/v1/regulator/alerts", Map.of("pageSize", 1000))
                .statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("items.findAll { it.code == '" + u.get(2) + "' }.kind", String.class))
                .contains("DUPLICATE_DISPENSE");
        assertThat(alerts.getList("items.findAll { it.code == '" + u.get(4) + "' }.kind", String.class))
                .contains("SCAN_AFTER_DESTRUCTION");
        get("renji", "/api/v1/regulator/alerts", Map.of()).statusCode(403);
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of("batchId", batch, "bizStep", "holding"))
                .statusCode(200).body("items.event.medtrace.recallId", hasItem("RC-" + run));
    }

    private static void ship(final String from, final String shipmentId, final List<String> codes, final String to,
            final String receiver) {
        post(from, "/api/v1/shipments", Map.of("shipmentId", shipmentId, "codes", codes, "to", to)).statusCode(201);
        if (receiver != null) {
            post(receiver, "/api/v1/shipments/receive", Map.of("shipmentId", shipmentId)).statusCode(200);
        }
    }
}
