// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The sender cancels a shipment nothing of which was received (issue 12, point 5; CBV void_shipping): the goods are
 * back in its custody, it can ship them again, the receiver can no longer receive them, and provenance shows it.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class ShipmentCancellationTest {

    private static final String PREFIX = "88.118.8866/";

    @Test
    void the_sender_cancels_a_shipment_ships_again_and_the_first_receiver_is_refused() {
        final String run = Api.digits(8);
        final String batch = PREFIX + "BATCH-X-" + run;
        Api.releasedVaccineBatch(PREFIX + "PRD-X-" + run, batch, run);
        final List<String> codes = Api.nmpaCodes(Api.productCode(run), 2);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", codes))
                .statusCode(201);
        final String caseScan = Api.ssccElementString();
        final String caseId = Api.ssccIdentifier(caseScan);
        post("huaxia", "/api/v1/units/containers", Map.of("containerType", "case", "codes", List.of(caseScan)))
                .statusCode(201);
        post("huaxia", "/api/v1/units/pack", Map.of("parent", caseScan, "children", codes)).statusCode(200);
        final String first = "X1-" + run;
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", first, "codes", List.of(caseId),
                "to", "ShenDistMSP")).statusCode(201);
        get("huaxia", "/api/v1/units", Map.of("code", codes.get(0))).statusCode(200)
                .body("status", equalTo("in_transit"));

        post("shendist", "/api/v1/shipments/" + first + "/cancel", Map.of("reason", "not ordered")).statusCode(403)
                .body("code", equalTo("NOT_CUSTODIAN"));
        post("huaxia", "/api/v1/shipments/" + first + "/cancel", Map.of("reason", "wrong consignee",
                "bizLocation", PREFIX + "WH-SH-01")).statusCode(200).body("result.shipment.status",
                        equalTo("cancelled"));

        get("huaxia", "/api/v1/shipments/" + first, Map.of()).statusCode(200).body("status", equalTo("cancelled"))
                .body("cancelReason", equalTo("wrong consignee")).body("cancelledAt", notNullValue())
                .body("cancelProof.txId", notNullValue()).body("receivedAt", nullValue());
        for (final String code : List.of(codes.get(0), codes.get(1), caseId)) {
            get("huaxia", "/api/v1/units", Map.of("code", code)).statusCode(200).body("status", equalTo("active"))
                    .body("custodian", equalTo("HuaxiaVaccineMSP")).body("shipmentId", nullValue())
                    .body("location", equalTo(PREFIX + "WH-SH-01"));
        }
        post("shendist", "/api/v1/shipments/receive", Map.of("shipmentId", first)).statusCode(409)
                .body("code", equalTo("UNIT_NOT_IN_TRANSIT"));
        post("huaxia", "/api/v1/shipments/" + first + "/cancel", Map.of("reason", "again")).statusCode(409)
                .body("code", equalTo("UNIT_NOT_IN_TRANSIT"));

        final String second = "X2-" + run;
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", second, "codes", List.of(caseId),
                "to", "MinhangCdcMSP")).statusCode(201);
        get("huaxia", "/api/v1/units", Map.of("code", codes.get(1))).statusCode(200)
                .body("status", equalTo("in_transit")).body("shipmentId", equalTo(second));

        final JsonPath provenance = get("shanghai-mpa", "/api/v1/provenance/unit", Map.of("code", codes.get(0)))
                .statusCode(200).extract().jsonPath();
        assertThat(provenance.getList("events.bizStep", String.class)).containsSubsequence("commissioning",
                "packing", "shipping", "void_shipping", "shipping");
        assertThat(provenance.getList("legs.shipment.status", String.class)).containsExactly("cancelled",
                "in_transit");
        assertThat(provenance.getString("legs[0].shipment.cancelReason")).isEqualTo("wrong consignee");
    }
}
