// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class LedgerContractTest {
    private final Story story = new Story();

    @Nested
    class Event {
        @Test
        void returns_the_stored_event_and_refuses_unknown_or_malformed_ids() {
            story.vaccineBatchRegistered();
            String eventId = story.ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", Story.VACCINE_BATCH,
                    "packageLevel", 1, "codes", List.of("88.118.8866/V1"))).get("eventIds").get(0).asText();
            JsonNode event = story.read(Parties.MPA, "ledger:event", Json.obj("eventId", eventId));
            assertThat(event.get("eventID").asText()).isEqualTo(eventId);
            assertThat(event.get("bizStep").asText()).isEqualTo("commissioning");
            story.refused(ErrorCode.EVENT_NOT_FOUND, () -> story.harness().evaluate(Parties.MPA, "ledger:event",
                    Json.obj("eventId", "ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0").toString()));
            story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.MPA, "ledger:event",
                    Json.obj("eventId", "urn:uuid:1").toString()));
        }
    }

    @Nested
    class History {
        @Test
        void lists_every_version_newest_first_up_to_the_limit() {
            story.vaccineBatchRegistered().released();
            story.ok(Parties.MPA, "custody:hold", Json.obj("holdId", "H", "batchIds", List.of(Story.VACCINE_BATCH),
                    "reason", "x"));
            JsonNode history = story.read(Parties.SHEN, "ledger:history", Json.obj("type", "batch",
                    "id", Story.VACCINE_BATCH));
            assertThat(history.get("history")).hasSize(3);
            assertThat(history.get("history").get(0).get("value").get("holds")).hasSize(1);
            assertThat(history.get("history").get(2).get("value").has("lotRelease")).isFalse();
            assertThat(history.get("truncated").asBoolean()).isFalse();
            JsonNode limited = story.read(Parties.SHEN, "ledger:history", Json.obj("type", "batch",
                    "id", Story.VACCINE_BATCH, "limit", 2));
            assertThat(limited.get("history")).hasSize(2);
            assertThat(limited.get("truncated").asBoolean()).isTrue();
        }

        @Test
        void refuses_unknown_types_and_limits() {
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.MPA,
                    "ledger:history", Json.obj("type", "clientEvent", "id", "x").toString()))).contains("type");
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.MPA,
                    "ledger:history", Json.obj("type", "unit", "id", "88.1/x", "limit", 1001).toString())))
                    .contains("limit");
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.MPA,
                    "ledger:history", Json.obj("type", "aggregation", "id", "88.1/x").toString()))).contains("id");
        }
    }
}
