// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * Commissioning at the bound of one request, 10,000 codes, through REST, the SDK, the dev peer and the chaincode:
 * its endorsement is larger than gRPC's default message limit of 4 MiB.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class BulkCommissioningTest {

    private static final String PREFIX = "88.118.8866/";
    private static final int CODES = 10_000;

    @Test
    void ten_thousand_codes_are_commissioned_in_one_request_and_each_verifies() {
        final String run = Api.digits(8);
        final String product = PREFIX + "PRD-BULK-" + run;
        final String batch = PREFIX + "BATCH-BULK-" + run;
        Api.releasedVaccineBatch(product, batch, run);
        final List<String> codes = new ArrayList<>(CODES);
        for (int i = 0; i < CODES; i++) {
            codes.add(PREFIX + "BULK-" + run + "-" + i);
        }

        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", codes))
                .statusCode(201).body("result.count", equalTo(CODES)).body("projected", equalTo(true));

        for (final String code : List.of(codes.get(0), codes.get(CODES / 2), codes.get(CODES - 1))) {
            get("huaxia", "/api/v1/verification", Map.of("code", code)).statusCode(200)
                    .body("verdict", equalTo("GENUINE")).body("productId", equalTo(product));
        }
        // one more than the bound is refused before it reaches the ledger, and nothing of it is written
        final List<String> tooMany = new ArrayList<>(CODES + 1);
        for (int i = 0; i <= CODES; i++) {
            tooMany.add(PREFIX + "BULK-OVER-" + run + "-" + i);
        }
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes", tooMany))
                .statusCode(400);
        get("huaxia", "/api/v1/verification", Map.of("code", tooMany.get(0))).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));
    }
}
