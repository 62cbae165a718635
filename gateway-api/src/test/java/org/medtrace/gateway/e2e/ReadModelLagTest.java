// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.ledger.LedgerPosition;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * The read model may lag behind the ledger (after a restart, or writes acknowledged with {@code projected: false}
 * during a database outage): readiness says whether the projection has caught up with the ledger, and a scan of a
 * code the ledger has but the read model does not yet is not called unknown and raises no alert.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class ReadModelLagTest {

    private static final String PREFIX = "88.118.8866/";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LedgerService ledger;

    @Test
    void a_code_on_the_ledger_that_the_read_model_lacks_is_not_yet_projected_not_unknown() throws Exception {
        final String run = Api.digits(8);
        Api.releasedVaccineBatch(PREFIX + "PRD-LAG-" + run, PREFIX + "BATCH-LAG-" + run, run);
        final String code = "8" + run.substring(0, 6) + Api.digits(13);
        final String id = PREFIX + code;
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", PREFIX + "BATCH-LAG-" + run,
                "packageLevel", 1, "codes", List.of(code))).statusCode(201).body("projected", equalTo(true));
        get("renji", "/api/v1/verification", Map.of("code", code)).statusCode(200).body("verdict", equalTo("GENUINE"));

        // The read model loses the unit, as if the projection had not reached its transaction yet.
        update("DELETE FROM unit WHERE code = ?", id);

        given().auth().preemptive().basic("renji", "renji-demo").queryParam("code", code)
                .when().get("/api/v1/verification").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "2")
                .body("code", equalTo("NOT_YET_PROJECTED"));
        assertThat(alerts("UNKNOWN_CODE", id)).isZero();

        final String neverCommissioned = "8" + run.substring(0, 6) + Api.digits(13);
        get("renji", "/api/v1/verification", Map.of("code", neverCommissioned)).statusCode(200)
                .body("verdict", equalTo("UNKNOWN"));
        assertThat(alerts("UNKNOWN_CODE", PREFIX + neverCommissioned)).isEqualTo(1);
    }

    @Test
    void readiness_reports_the_ledger_height_and_the_catch_up_and_the_search_finds_the_last_event() throws Exception {
        final String run = Api.digits(8);
        Api.releasedVaccineBatch(PREFIX + "PRD-CU-" + run, PREFIX + "BATCH-CU-" + run, run);
        final JsonPath written = post("huaxia", "/api/v1/units/commission", Map.of("batchId",
                PREFIX + "BATCH-CU-" + run, "packageLevel", 1, "codes", List.of("8" + run.substring(0, 6)
                        + Api.digits(13)))).statusCode(201).extract().jsonPath();
        final long block = written.getLong("blockNumber");
        final String identity = ledger.client().identities().iterator().next().name();

        final Optional<LedgerPosition> last = ledger.client().lastEvent(identity, 0, block + 1, 10);
        assertThat(last).contains(new LedgerPosition(block, written.getString("txId")));
        assertThat(ledger.client().lastEvent(identity, block + 1, block + 1, 10)).isEmpty();
        assertThat(ledger.blockHeight(identity)).isGreaterThan(block);

        final JsonPath health = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        final Map<String, Object> projection = health.getMap("checks.find { it.name == 'read-model projection' }");
        assertThat(projection.get("status")).isEqualTo("UP");
        assertThat(health.getBoolean("checks.find { it.name == 'read-model projection' }.data.caughtUp")).isTrue();
        assertThat(health.getLong("checks.find { it.name == 'read-model projection' }.data.ledgerHeight"))
                .isPositive();
    }

    private void update(final String sql, final String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            ps.executeUpdate();
        }
    }

    private long alerts(final String kind, final String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alert WHERE kind = ? AND code = ?")) {
            ps.setString(1, kind);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
