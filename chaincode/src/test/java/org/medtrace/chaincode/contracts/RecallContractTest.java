// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class RecallContractTest {
    private final Story story = new Story();

    @BeforeEach
    void batch() {
        story.vaccineBatchRegistered();
    }

    @Nested
    class Create {
        @Test
        void writes_the_recall_and_marks_the_batch_with_exact_bytes() {
            JsonNode response = story.ok(Parties.HUAXIA, "recall:create", Json.obj("recallId", "RC-2026-01",
                    "batchIds", List.of(Story.VACCINE_BATCH), "level", "I", "reason", "sterility failure"));
            assertThat(story.stateText("recall", "RC-2026-01")).isEqualTo("{\"batchIds\":[\"" + Story.VACCINE_BATCH
                    + "\"],\"createdAt\":\"2026-11-23T02:00:03.000Z\",\"createdBy\":\"HuaxiaVaccineMSP\","
                    + "\"id\":\"RC-2026-01\",\"level\":\"I\",\"reason\":\"sterility failure\"}");
            assertThat(story.state("batch", Story.VACCINE_BATCH).get("recall").toString()).isEqualTo(
                    "{\"level\":\"I\",\"recallId\":\"RC-2026-01\",\"recalledAt\":\"2026-11-23T02:00:03.000Z\"}");
            JsonNode event = story.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("persistentDisposition").toString()).isEqualTo("{\"set\":[\"recalled\"]}");
            assertThat(event.get("disposition").asText()).isEqualTo("recalled");
            assertThat(story.read(Parties.SHEN, "recall:get", Json.obj("id", "RC-2026-01")).get("level").asText())
                    .isEqualTo("I");
        }

        @Test
        void a_regulator_recalls_any_batch_another_manufacturer_none() {
            story.refused(TestOrgs.OTHER_MAKER, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "II", "reason", "x"), ErrorCode.NOT_MAH);
            story.refused(Parties.SHEN, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "II", "reason", "x"), ErrorCode.ACCESS_DENIED);
            story.ok(Parties.MPA, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "II", "reason", "x"));
        }

        @Test
        void the_id_the_batch_and_the_level_are_checked() {
            story.ok(Parties.MPA, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "III", "reason", "x"));
            story.refused(Parties.MPA, "recall:create", Json.obj("recallId", "R", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "III", "reason", "x"), ErrorCode.RECALL_EXISTS);
            story.refused(Parties.MPA, "recall:create", Json.obj("recallId", "R2", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "I", "reason", "x"), ErrorCode.BATCH_RECALLED);
            story.refused(Parties.MPA, "recall:create", Json.obj("recallId", "R3", "batchIds",
                    List.of("88.118.8866/NONE"), "level", "I", "reason", "x"), ErrorCode.BATCH_NOT_FOUND);
            assertThat(story.refused(Parties.MPA, "recall:create", Json.obj("recallId", "R4", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "IV", "reason", "x"), ErrorCode.INVALID_ARGUMENT))
                    .contains("level").contains("I, II, III");
            story.refused(ErrorCode.RECALL_NOT_FOUND, () -> story.harness().evaluate(Parties.MPA, "recall:get",
                    Json.obj("id", "R9").toString()));
        }

        @Test
        void more_than_100_batches_exceed_the_limit() {
            List<String> batches = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                batches.add("88.118.8866/B" + i);
            }
            story.refused(Parties.MPA, "recall:create", Json.obj("recallId", "R", "batchIds", batches, "level", "I",
                    "reason", "x"), ErrorCode.LIMIT_EXCEEDED);
        }
    }
}
