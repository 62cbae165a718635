// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the load commissions into: a vaccine product whose 7-digit product code starts with 8, so that its
 * 20-digit codes (product code + 13 digits) carry it, and batches registered without a quantity, so that no bound
 * on the number of units stops the load.
 *
 * @param productCode the product's 7-digit code
 * @param batches one batch per writer
 * @param probeBatch the batch the recovery probes commission into
 */
record Products(String productCode, List<String> batches, String probeBatch) {

    static final String PREFIX = "88.118.8866/";

    /**
     * @param http the client
     * @param run nine random digits that make the names unique
     * @param writers how many writer batches
     * @return the product and batches, registered by the manufacturer Huaxia
     */
    static Products register(final Http http, final String run, final int writers) {
        final String productCode = "8" + run.substring(0, 6);
        final String product = PREFIX + "PRD-FI-" + run;
        expect(201, http.post("huaxia", "/api/v1/products", Map.of("id", product, "kind", "vaccine",
                "name", "Fault injection vaccine", "productCode", productCode,
                "approvalNumber", "国药准字S" + run.substring(0, 8),
                "packageLevels", List.of(Map.of("level", 1, "name", "支"))), "fi-product-" + run),
                "register the product");
        final List<String> batches = new ArrayList<>();
        for (int i = 0; i <= writers; i++) {
            expect(201, http.post("huaxia", "/api/v1/batches", Map.of("id", product + "-B" + i, "productId", product,
                    "batchNumber", "FI" + run + i, "productionDate", LocalDate.now().minusDays(10).toString(),
                    "expiryDate", LocalDate.now().plusYears(2).toString()), "fi-batch-" + run + i),
                    "register a batch");
            batches.add(product + "-B" + i);
        }
        return new Products(productCode, List.copyOf(batches.subList(0, writers)), batches.get(writers));
    }

    static void expect(final int status, final Http.Answer answer, final String what) {
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
    }
}
