// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.medtrace.gateway.testing.Api.as;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/** Bad input on every endpoint gets a problem+json with a stable code, and changes nothing. */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products", "/api/v1/batches", "/api/v1/batches/lot-release",
        "/api/v1/units/commission", "/api/v1/units/containers", "/api/v1/units/decommission", "/api/v1/units/pack",
        "/api/v1/units/unpack", "/api/v1/shipments", "/api/v1/shipments/receive", "/api/v1/shipments/returns",
        "/api/v1/custody/store", "/api/v1/custody/inspect", "/api/v1/custody/holds", "/api/v1/custody/holds/release",
        "/api/v1/custody/dispense", "/api/v1/custody/administer", "/api/v1/custody/destroy",
        "/api/v1/transformations", "/api/v1/recalls", "/api/v1/loggers", "/api/v1/loggers/revoke",
        "/api/v1/loggers/associate", "/api/v1/loggers/dissociate", "/api/v1/loggers/anchors",
        "/api/v1/loggers/excursions", "/api/v1/shipments/S-1/cancel", "/api/v1/parameters"})
    void every_write_refuses_an_empty_body_naming_the_missing_fields(final String path) {
        post("shanghai-mpa", path, Map.of()).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ARGUMENT")).body("errors.field", not(Collections.emptyList()));
        as("shanghai-mpa").body("{\"oops\": ").when().post(path).then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ARGUMENT"));
        as("shanghai-mpa").when().post(path).then().statusCode(400).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/units", "/api/v1/provenance/unit", "/api/v1/provenance/batch",
        "/api/v1/trace/forward", "/api/v1/trace/backward", "/api/v1/verification", "/api/v1/ledger/events",
        "/api/v1/ledger/history", "/api/v1/recalls", "/api/v1/recalls/scope"})
    void every_read_refuses_a_missing_code(final String path) {
        get("shanghai-mpa", path, Map.of()).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void callers_must_authenticate() {
        given().when().get("/api/v1/verification?code=88.1/x").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Basic")).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().preemptive().basic("huaxia", "wrong").when().get("/api/v1/verification?code=88.1/x")
                .then().statusCode(401);
    }

    @Test
    void fields_are_validated_with_their_names() {
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", "88.118.8866/B", "packageLevel", 1,
                "codes", List.of("88.118.8866/ok", "not a code!"))).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("INVALID_IDENTIFIER")).body("errors.field", hasItem("codes[1]"));
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", "88.118.8866/B", "packageLevel", "x",
                "codes", List.of("88.118.8866/ok"))).statusCode(400).body("errors.field", hasItem("packageLevel"));
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", "88.118.8866/B", "packageLevel", 1,
                "codes", List.of("88.118.8866/ok"), "surprise", true)).statusCode(400)
                .body("errors.field", hasItem("surprise"));
        final List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add("88.118.8866/C" + i);
        }
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", "88.118.8866/B", "packageLevel", 1,
                "codes", tooMany)).statusCode(400).body("errors.field", hasItem("codes"));
        // The chaincode's request record checks fields in order and names the first that fails.
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", "S X", "codes", List.of("88.1/x"), "to", "A B"))
                .statusCode(400).body("errors.field", hasItem("shipmentId"));
        post("huaxia", "/api/v1/shipments", Map.of("shipmentId", "S-X", "codes", List.of("88.1/x"), "to", "A B"))
                .statusCode(400).body("errors.field", hasItem("to"));
        as("huaxia").header("Idempotency-Key", "has spaces").body(Map.of("recallId", "R", "batchIds",
                List.of("88.1/b"), "level", "I", "reason", "x")).when().post("/api/v1/recalls").then()
                .statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of("pageSize", 0)).statusCode(400);
        get("shanghai-mpa", "/api/v1/regulator/events", Map.of("from", "yesterday")).statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void unknown_identifiers_are_404s_naming_them() {
        get("huaxia", "/api/v1/products/88.118.8866/NO-SUCH-PRODUCT", Map.of()).statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("PRODUCT_NOT_FOUND")).body("detail", containsString("88.118.8866/NO-SUCH-PRODUCT"));
        get("huaxia", "/api/v1/batches/88.118.8866/NO-SUCH-BATCH", Map.of()).statusCode(404)
                .body("code", equalTo("BATCH_NOT_FOUND"));
        get("huaxia", "/api/v1/provenance/unit", Map.of("code", "88.118.8866/NO-SUCH-UNIT")).statusCode(404)
                .body("code", equalTo("UNIT_NOT_FOUND")).body("detail", containsString("88.118.8866/NO-SUCH-UNIT"));
        get("huaxia", "/api/v1/shipments/NO-SUCH-SHIPMENT", Map.of()).statusCode(404)
                .body("code", equalTo("SHIPMENT_NOT_FOUND"));
        get("shanghai-mpa", "/api/v1/recalls/scope", Map.of("recallId", "NO-SUCH-RECALL")).statusCode(404)
                .body("code", equalTo("RECALL_NOT_FOUND"));
        get("shanghai-mpa", "/api/v1/ledger/events", Map.of("eventId", "ni:///sha-256;" + "0".repeat(64)
                + "?ver=CBV2.0")).statusCode(404).body("code", equalTo("EVENT_NOT_FOUND"));
        as("huaxia").when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void ledger_refusals_carry_the_chaincode_code_and_write_nothing() {
        final String run = Api.digits(8);
        post("shendist", "/api/v1/products", Map.of("id", "88.118.8866/P-" + run, "kind", "herbal_raw",
                "name", "x", "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(403)
                .contentType(PROBLEM).body("code", equalTo("ACCESS_DENIED")).body("txId", notNullValue());
        final String product = "88.118.8866/P-" + run;
        final String batch = "88.118.8866/L-" + run;
        post("bencao", "/api/v1/products", Map.of("id", product, "kind", "herbal_raw", "name", "x",
                "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
        post("bencao", "/api/v1/batches", Map.of("id", batch, "productId", product, "batchNumber", "L",
                "productionDate", LocalDate.now().minusDays(1).toString(),
                "expiryDate", LocalDate.now().plusYears(1).toString(), "herbal", Map.of("origin",
                        Map.of("province", "云南"), "harvestDate", LocalDate.now().minusDays(3).toString())))
                .statusCode(201);
        final String existing = "88.118.8866/U-" + run + "-1";
        final String fresh = "88.118.8866/U-" + run + "-2";
        final Map<String, Object> first = Map.of("batchId", batch, "packageLevel", 1, "codes", List.of(existing),
                "quantity", Map.of("value", 5, "uom", "KGM"));
        as("bencao").header("Idempotency-Key", "commission-" + run).body(first).when()
                .post("/api/v1/units/commission").then().statusCode(201).body("replayed", equalTo(false));
        as("bencao").header("Idempotency-Key", "commission-" + run).body(first).when()
                .post("/api/v1/units/commission").then().statusCode(201).body("replayed", equalTo(true));
        as("bencao").header("Idempotency-Key", "commission-" + run).body(Map.of("batchId", batch, "packageLevel", 1,
                "codes", List.of(fresh), "quantity", Map.of("value", 5, "uom", "KGM"))).when()
                .post("/api/v1/units/commission").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        post("bencao", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1,
                "codes", List.of(fresh, existing), "quantity", Map.of("value", 5, "uom", "KGM"))).statusCode(409)
                .contentType(PROBLEM).body("code", equalTo("UNIT_ALREADY_COMMISSIONED"))
                .body("detail", containsString(existing));
        get("bencao", "/api/v1/verification", Map.of("code", fresh)).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));
        get("bencao", "/api/v1/units", Map.of("code", fresh)).statusCode(404);
        as("bencao").contentType(ContentType.TEXT).body("x").when().post("/api/v1/units/commission").then()
                .statusCode(415).contentType(PROBLEM);
    }
}
