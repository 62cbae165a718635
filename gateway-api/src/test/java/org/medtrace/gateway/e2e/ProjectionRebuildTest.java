// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;
import org.medtrace.gateway.testing.ReadModelDump;

/** A read model rebuilt from block 0 through the ledger's event stream equals the live one, row for row. */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class ProjectionRebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_projection_rebuilt_from_block_0_equals_the_live_one() {
        final String run = Api.digits(8);
        final String product = "88.118.8866/PRD-RB-" + run;
        post("bencao", "/api/v1/products", Map.of("id", product, "kind", "herbal_raw", "name", "党参",
                "packageLevels", List.of(Map.of("level", 1, "name", "袋")))).statusCode(201);
        post("bencao", "/api/v1/batches", Map.of("id", product + "-L1", "productId", product, "batchNumber", "L1",
                "productionDate", LocalDate.now().minusDays(1).toString(),
                "expiryDate", LocalDate.now().plusYears(1).toString(),
                "herbal", Map.of("origin", Map.of("province", "山西"), "harvestDate",
                        LocalDate.now().minusDays(9).toString()))).statusCode(201);
        final Map<String, List<String>> live = ReadModelDump.dump(dataSource);

        post("renji", "/api/v1/projection/rebuild", Map.of()).statusCode(403);
        post("shanghai-mpa", "/api/v1/projection/rebuild", Map.of()).statusCode(202)
                .body("rebuilding", equalTo(true));
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                !get("shanghai-mpa", "/api/v1/projection", Map.of()).statusCode(200).extract()
                        .<Boolean>path("rebuilding"));

        final Map<String, List<String>> rebuilt = ReadModelDump.dump(dataSource);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        for (final String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
        }
        assertThat(rebuilt.get("product")).anyMatch(row -> row.contains(product));
    }
}
