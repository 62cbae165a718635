// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.ChaincodeHarness.Outcome;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;
import org.medtrace.chaincode.testing.TestIdentities;

/** Retries are idempotent: the same client event id twice makes one event. */
class IdempotencyTest {
    private final Story story = new Story();
    private ObjectNode commission;

    @BeforeEach
    void batch() {
        story.vaccineBatchRegistered();
        commission = Json.obj("clientEventId", "erp-4711", "batchId", Story.VACCINE_BATCH, "packageLevel", 1,
                "codes", List.of("88.118.8866/V1", "88.118.8866/V2"));
    }

    @Test
    void the_same_request_again_returns_the_stored_response_and_changes_nothing() {
        JsonNode first = story.ok(Parties.HUAXIA, "unit:commission", commission);
        Map<String, byte[]> before = story.harness().ledger().snapshot();
        int events = story.harness().ledger().events().size();
        // the same request, keys in another order and with other white space
        Outcome again = story.harness().submit(Parties.HUAXIA, "unit:commission", "{ \"codes\": [\"88.118.8866/V1\", "
                + "\"88.118.8866/V2\"], \"packageLevel\": 1, \"batchId\": \"88.118.8866/B-20261101\", "
                + "\"clientEventId\": \"erp-4711\" }");
        JsonNode second = again.json();
        assertThat(second.get("replayed").asBoolean()).isTrue();
        assertThat(second.get("txId")).isEqualTo(first.get("txId"));
        assertThat(second.get("eventIds")).isEqualTo(first.get("eventIds"));
        assertThat(second.get("count")).isEqualTo(first.get("count"));
        assertThat(again.event()).isNull();
        assertThat(story.harness().lastStub().writeSet()).isEmpty();
        assertThat(story.harness().ledger().snapshot().keySet()).isEqualTo(before.keySet());
        assertThat(story.harness().ledger().events()).hasSize(events);
    }

    @Test
    void writes_the_idempotency_record_with_exact_bytes() {
        JsonNode first = story.ok(Parties.HUAXIA, "unit:commission", commission);
        String record = story.stateText("clientEvent", "HuaxiaVaccineMSP", "erp-4711");
        assertThat(record).startsWith("{\"requestHash\":\"").contains("\"response\":{\"count\":2,\"eventIds\":[\""
                + first.get("eventIds").get(0).asText() + "\"],\"replayed\":false,\"txId\":\""
                + first.get("txId").asText() + "\"},\"transaction\":\"unit:commission\"}");
        assertThat(Json.parse(record.getBytes(StandardCharsets.UTF_8)).get("requestHash").asText()).hasSize(64);
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        story.ok(Parties.HUAXIA, "unit:commission", commission);
        assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.with(commission, "codes",
                List.of("88.118.8866/V3")), ErrorCode.IDEMPOTENCY_KEY_REUSED)).contains("erp-4711");
        story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("clientEventId", "erp-4711", "codes",
                List.of("88.118.8866/V1"), "reason", "x"), ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void keys_are_per_organisation() {
        story.ok(Parties.HUAXIA, "unit:commission", commission);
        JsonNode other = story.ok(Parties.SHEN, "unit:commissionContainers", Json.obj("clientEventId", "erp-4711",
                "containerType", "case", "codes", List.of("88.118.9000/C1")));
        assertThat(other.get("replayed").asBoolean()).isFalse();
    }

    @Test
    void a_replay_is_answered_even_when_the_rule_would_now_refuse() {
        story.ok(Parties.HUAXIA, "unit:commission", commission);
        assertThat(story.ok(Parties.HUAXIA, "unit:commission", commission).get("replayed").asBoolean()).isTrue();
        story.refused(Parties.HUAXIA, "unit:commission", Json.with(commission, "clientEventId", "erp-4712"),
                ErrorCode.UNIT_ALREADY_COMMISSIONED);
    }

    @Test
    void a_vaccination_replayed_with_another_vaccinee_is_refused() {
        story.released();
        List<String> vials = story.commissioned("V", 2, 1);
        byte[] salt = "sixteen-byte-salt!".getBytes(StandardCharsets.UTF_8);
        ObjectNode request = Json.obj("clientEventId", "vac-1", "codes", List.of(vials.get(0)));
        var huaxiaDispenser = TestIdentities.of("HuaxiaVaccineMSP", "dispenser");
        assertThat(story.submit(huaxiaDispenser, "custody:administer", request, Map.of("vaccineeId",
                "A".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", salt)).ok()).isTrue();
        assertThat(story.submit(huaxiaDispenser, "custody:administer", request, Map.of("vaccineeId",
                "A".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", salt)).json().get("replayed").asBoolean())
                .isTrue();
        story.refused(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> story.submit(huaxiaDispenser, "custody:administer",
                request, Map.of("vaccineeId", "B".getBytes(StandardCharsets.UTF_8), "vaccineeSalt", salt)));
    }
}
