// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;
import org.medtrace.gateway.testing.MedtraceTestResource;

/**
 * Events come in time order (issue 12, point 4): an event dated before the last event of a unit it touches is
 * refused, and the skew an event time may lie ahead is a ledger parameter a regulator sets.
 */
@QuarkusTest
@WithTestResource(MedtraceTestResource.class)
class EventTimeTest {

    private static final String PREFIX = "88.118.8866/";
    private static final String SKEW = "/api/v1/parameters/eventTimeSkewSeconds";

    @Test
    void an_event_dated_before_the_units_last_event_is_refused_and_provenance_stays_in_order() {
        final String run = Api.digits(8);
        final String batch = PREFIX + "BATCH-T-" + run;
        Api.releasedVaccineBatch(PREFIX + "PRD-T-" + run, batch, run);
        final String code = Api.nmpaCode(Api.productCode(run));
        post("huaxia", "/api/v1/units/commission", Map.of("batchId", batch, "packageLevel", 1, "codes",
                List.of(code))).statusCode(201);

        post("huaxia", "/api/v1/units/decommission", Map.of("codes", List.of(code), "reason", "misprint",
                "eventTime", "2001-01-01T00:00:00Z")).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("EVENT_TIME_OUT_OF_ORDER")).body("detail", containsString(PREFIX + code))
                .body("detail", containsString("2001-01-01T00:00:00.000Z"));
        get("huaxia", "/api/v1/verification", Map.of("code", code)).statusCode(200)
                .body("verdict", equalTo("GENUINE"));
        final List<String> steps = get("shanghai-mpa", "/api/v1/provenance/unit", Map.of("code", code))
                .statusCode(200).extract().jsonPath().getList("events.bizStep", String.class);
        assertThat(steps).containsExactly("commissioning");

        post("huaxia", "/api/v1/units/decommission", Map.of("codes", List.of(code), "reason", "misprint"))
                .statusCode(200);
    }

    @Test
    void a_regulator_sets_how_far_ahead_an_event_time_may_lie_and_every_rule_applies_it() {
        get("huaxia", SKEW, Map.of()).statusCode(200).body("value", equalTo(300))
                .body("defaultValue", equalTo(300)).body("min", equalTo(0)).body("max", equalTo(3600));
        post("huaxia", "/api/v1/parameters", Map.of("name", "eventTimeSkewSeconds", "value", 600, "reason", "r"))
                .statusCode(403).body("code", equalTo("ACCESS_DENIED"));
        post("shanghai-mpa", "/api/v1/parameters", Map.of("name", "eventTimeSkewSeconds", "value", 3601,
                "reason", "r")).statusCode(400).body("code", equalTo("INVALID_ARGUMENT"))
                .body("detail", containsString("0..3600"));
        post("shanghai-mpa", "/api/v1/parameters", Map.of("name", "blockSize", "value", 1, "reason", "r"))
                .statusCode(400).body("detail", containsString("eventTimeSkewSeconds"));

        final String run = Api.digits(8);
        final String batch = PREFIX + "BATCH-S-" + run;
        Api.releasedVaccineBatch(PREFIX + "PRD-S-" + run, batch, run);
        final String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        final Map<String, Object> early = Map.of("batchId", batch, "packageLevel", 1, "codes",
                List.of(Api.nmpaCode(Api.productCode(run))), "eventTime", tenMinutesAhead);
        post("huaxia", "/api/v1/units/commission", early).statusCode(400).body("code", equalTo("INVALID_ARGUMENT"))
                .body("detail", containsString("300 seconds"));
        try {
            post("shanghai-mpa", "/api/v1/parameters", Map.of("name", "eventTimeSkewSeconds", "value", 900,
                    "reason", "a member's clock drifts until its NTP is fixed")).statusCode(200)
                    .body("result.parameter.value", equalTo(900));
            get("renji", SKEW, Map.of()).statusCode(200).body("value", equalTo(900))
                    .body("setBy", equalTo("ShanghaiMpaMSP"))
                    .body("reason", equalTo("a member's clock drifts until its NTP is fixed"));
            post("huaxia", "/api/v1/units/commission", early).statusCode(201);
        } finally {
            post("shanghai-mpa", "/api/v1/parameters", Map.of("name", "eventTimeSkewSeconds", "value", 300,
                    "reason", "back to the default")).statusCode(200);
        }
        assertThat(get("shanghai-mpa", "/api/v1/regulator/events", Map.of("bizStep", "other")).statusCode(200)
                .extract().jsonPath().getList("items.event.medtrace.reason", String.class))
                .contains("a member's clock drifts until its NTP is fixed", "back to the default");
    }
}
