// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * What commissioning lets in, through REST, the SDK, the dev peer and the chaincode: only codes that carry the
 * batch's product's key (issue 12, point 1), no more units than the batch declares, also when many are commissioned
 * into one batch at once (point 3).
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class CommissioningRulesTest {

    private static final String PREFIX = "88.118.8866/";
    private static final String PROBLEM = "application/problem+json";

    /** Registers a vaccine with a 药品标识码 and a GTIN, and a batch of it (of {@code quantity} EA, or undeclared). */
    private static void vaccine(final String product, final String productCode, final String gtin, final String batch,
            final Integer quantity) {
        post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine", "name", "Hepatitis B vaccine",
                "approvalNumber", "国药准字S2026" + productCode.substring(1, 5), "productCode", productCode, "gtin", gtin,
                "packageLevels", List.of(Map.of("level", 1, "name", "支")))).statusCode(201);
        final Map<String, Object> request = new java.util.HashMap<>(Map.of("id", batch, "productId", product,
                "batchNumber", "B" + batch.hashCode(), "productionDate", LocalDate.now().minusDays(10).toString(),
                "expiryDate", LocalDate.now().plusYears(2).toString()));
        if (quantity != null) {
            request.put("quantity", Map.of("value", quantity, "uom", "EA"));
        }
        post("huaxia", "/api/v1/batches", request).statusCode(201);
    }

    @Test
    void codes_of_another_product_are_refused_naming_both_keys_and_nothing_of_them_verifies() {
        final String run = Api.digits(8);
        final String productCode = Api.productCode(run);
        final String gtin = Api.gtin();
        final String batch = PREFIX + "BATCH-K-" + run;
        vaccine(PREFIX + "PRD-K-" + run, productCode, gtin, batch, null);

        final String foreignNmpa = Api.nmpaCode("8199999");
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                List.of(Api.nmpaCode(productCode), foreignNmpa))).statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("PRODUCT_KEY_MISMATCH")).body("detail", containsString("8199999"))
                .body("detail", containsString(productCode)).body("detail", containsString(PREFIX + foreignNmpa));
        final String foreignGs1 = "(01)04006381333931(21)FOREIGN" + run;
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                List.of(foreignGs1))).statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("PRODUCT_KEY_MISMATCH")).body("detail", containsString("04006381333931"))
                .body("detail", containsString(gtin));
        get("huaxia", "/api/v1/verification", Map.of("code", foreignNmpa)).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));
        get("huaxia", "/api/v1/verification", Map.of("code", foreignGs1)).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));

        final String own = Api.nmpaCode(productCode);
        final String ownGs1 = "(01)" + gtin + "(21)OWN" + run;
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                List.of(own, ownGs1))).statusCode(201).body("result.count", equalTo(2));
        get("huaxia", "/api/v1/verification", Map.of("code", ownGs1)).statusCode(200)
                .body("verdict", equalTo("GENUINE")).body("batchId", equalTo(batch));
    }

    @Test
    void a_batch_takes_no_more_units_than_it_declares_and_a_decommissioned_code_frees_its_slot() {
        final String run = Api.digits(8);
        final String productCode = Api.productCode(run);
        final String batch = PREFIX + "BATCH-Q-" + run;
        vaccine(PREFIX + "PRD-Q-" + run, productCode, Api.gtin(), batch, 2);

        final List<String> five = Api.nmpaCodes(productCode, 5);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", five))
                .statusCode(422).contentType(PROBLEM).body("code", equalTo("QUANTITY_EXCEEDED"))
                .body("detail", containsString("declares 2 EA"))
                .body("detail", containsString("0 codes are commissioned, 5 more were requested"));
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                five.subList(0, 2))).statusCode(201);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                five.subList(2, 3))).statusCode(422).body("code", equalTo("QUANTITY_EXCEEDED"))
                .body("detail", containsString("2 codes are commissioned, 1 more were requested"));
        get("huaxia", "/api/v1/verification", Map.of("code", five.get(2))).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));

        post("huaxia", "/api/v1/units/decommission", Map.of("codes", five.subList(0, 1), "reason", "misprint"))
                .statusCode(200);
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                five.subList(2, 3))).statusCode(201);
    }

    @Test
    void concurrent_commissionings_into_one_batch_are_all_acknowledged_and_counted_exactly() throws Exception {
        final String run = Api.digits(8);
        final String productCode = Api.productCode(run);
        final String batch = PREFIX + "BATCH-C-" + run;
        vaccine(PREFIX + "PRD-C-" + run, productCode, Api.gtin(), batch, 1_000);
        final List<String> codes = Api.nmpaCodes(productCode, 24);

        final ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            final List<Future<Integer>> answers = new ArrayList<>();
            for (final String code : codes) {
                answers.add(clients.submit(() -> Api.as("huaxia").body(Map.of("batchId", batch, "packageLevel", 1,
                        "codes", List.of(code))).when().post("/api/v1/units/commission").then().extract()
                        .statusCode()));
            }
            for (final Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }

        final JsonPath history = get("shanghai-mpa", "/api/v1/ledger/history", Map.of("type", "batch", "id", batch))
                .statusCode(200).extract().jsonPath();
        assertThat(history.getInt("history[0].value.commissioned[0].count")).isEqualTo(codes.size());
        final JsonPath forward = get("shanghai-mpa", "/api/v1/trace/forward", Map.of("batchId", batch))
                .statusCode(200).extract().jsonPath();
        assertThat(forward.getLong("holdings.find { it.status == 'active' }.units")).isEqualTo(codes.size());
    }
}
