// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class TransformationContractTest {
    private static final String SLICE_LOT = "88.118.6600/S-HQP-202611";
    private final Story story = new Story();
    private List<String> sacks;

    @BeforeEach
    void rawLot() {
        story.herbalRegistered();
        sacks = story.sacks(3);
    }

    static ObjectNode transform(final String id, final List<Map<String, Object>> inputs, final double out) {
        return Json.obj("transformationId", id, "processingMethod", "净制、润透、切厚片、干燥", "inputs", inputs,
                "outputs", List.of(Map.of("quantity", Map.of("value", out, "uom", "KGM"), "batch", Map.of(
                        "id", SLICE_LOT, "productId", Story.HERB_SLICE, "batchNumber", "HQP-202611",
                        "productionDate", "2026-11-20", "expiryDate", "2028-11-19",
                        "herbal", Map.of("testReportRef", "TR-2026-1120")))));
    }

    static Map<String, Object> input(final String code, final double kg) {
        return Map.of("code", code, "quantity", Map.of("value", kg, "uom", "KGM"));
    }

    @Nested
    class Transform {
        @Test
        void draws_on_the_inputs_and_registers_outputs_with_their_source_lots() {
            JsonNode response = story.ok(Parties.BENCAO, "transformation:transform", transform("TF-1",
                    List.of(input(sacks.get(0), 25), input(sacks.get(1), 15.5)), 32.4));
            JsonNode batch = response.get("batches").get(0);
            assertThat(batch.get("sourceLots").toString()).isEqualTo("[{\"batchId\":\"" + Story.RAW_LOT
                    + "\",\"quantity\":{\"uom\":\"KGM\",\"value\":40.5}}]");
            assertThat(batch.get("herbal").get("processingMethod").asText()).isEqualTo("净制、润透、切厚片、干燥");
            assertThat(batch.get("quantity").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":32.4}");
            assertThat(story.unit(sacks.get(0)).get("status").asText()).isEqualTo("consumed");
            assertThat(story.unit(sacks.get(1)).get("quantity").toString())
                    .isEqualTo("{\"uom\":\"KGM\",\"value\":9.5}");
            assertThat(story.unit(sacks.get(1)).get("status").asText()).isEqualTo("active");
            assertThat(story.stateText("transformation", "TF-1")).contains("\"inputs\":[{\"batchId\":\""
                    + Story.RAW_LOT + "\",\"code\":\"" + sacks.get(0) + "\",\"quantity\":{\"uom\":\"KGM\","
                    + "\"value\":25}}");
            assertThat(response.get("eventIds")).hasSize(2);
            JsonNode event = story.state("event", response.get("eventIds").get(0).asText());
            assertThat(event.get("type").asText()).isEqualTo("TransformationEvent");
            assertThat(event.get("transformationID").asText()).isEqualTo("TF-1");
            assertThat(event.get("inputQuantityList").toString()).isEqualTo("[{\"epcClass\":\"" + Story.RAW_LOT
                    + "\",\"quantity\":40.5,\"uom\":\"KGM\"}]");
        }

        @Test
        void when_an_input_has_too_little_left_it_is_refused() {
            assertThat(story.refused(Parties.BENCAO, "transformation:transform", transform("TF-1",
                    List.of(input(sacks.get(0), 25.001)), 20), ErrorCode.QUANTITY_EXCEEDED)).contains("inputs[0]");
            story.ok(Parties.BENCAO, "transformation:transform", transform("TF-1", List.of(input(sacks.get(0), 25)),
                    20));
            story.refused(Parties.BENCAO, "transformation:transform", Json.with(transform("TF-2",
                    List.of(input(sacks.get(0), 1)), 1), "outputs", List.of(Map.of("quantity", Map.of("value", 1,
                            "uom", "KGM"), "batch", Map.of("id", "88.118.6600/S2", "productId", Story.HERB_SLICE,
                            "batchNumber", "S2", "productionDate", "2026-11-20", "expiryDate", "2028-11-19",
                            "herbal", Map.of("testReportRef", "T"))))), ErrorCode.UNIT_NOT_ACTIVE);
        }

        @Test
        void when_the_id_is_reused_it_is_refused() {
            story.ok(Parties.BENCAO, "transformation:transform", transform("TF-1", List.of(input(sacks.get(0), 5)),
                    4));
            story.refused(Parties.BENCAO, "transformation:transform", transform("TF-1",
                    List.of(input(sacks.get(1), 5)), 4), ErrorCode.TRANSFORMATION_EXISTS);
        }

        @Test
        void when_inputs_or_outputs_are_of_the_wrong_kind_it_is_refused() {
            story.ok(Parties.BENCAO, "batch:register", Json.obj("id", "88.118.6600/S0", "productId",
                    Story.HERB_SLICE, "batchNumber", "S0", "productionDate", "2026-11-01", "expiryDate",
                    "2028-10-31", "herbal", Map.of("testReportRef", "T", "processingMethod", "切片")));
            story.ok(Parties.BENCAO, "unit:commission", Json.obj("batchId", "88.118.6600/S0", "packageLevel", 1,
                    "codes", List.of("88.118.6600/BAG1"), "quantity", Map.of("value", 0.5, "uom", "KGM")));
            story.refused(Parties.BENCAO, "transformation:transform", transform("TF-1",
                    List.of(input("88.118.6600/BAG1", 0.5)), 0.4), ErrorCode.WRONG_PRODUCT_KIND);
            ObjectNode rawOut = Json.with(transform("TF-1", List.of(input(sacks.get(0), 1)), 1), "outputs",
                    List.of(Map.of("quantity", Map.of("value", 1, "uom", "KGM"), "batch", Map.of("id",
                            "88.118.6600/R2", "productId", Story.HERB_RAW, "batchNumber", "R2", "productionDate",
                            "2026-11-20", "expiryDate", "2028-11-19"))));
            assertThat(story.refused(Parties.BENCAO, "transformation:transform", rawOut,
                    ErrorCode.WRONG_PRODUCT_KIND)).contains("outputs[0].batch.productId");
        }

        @Test
        void when_the_units_do_not_match_or_the_output_lacks_its_test_report_it_is_refused() {
            story.refused(Parties.BENCAO, "transformation:transform", Json.with(transform("TF-1",
                    List.of(), 1), "inputs", List.of(Map.of("code", sacks.get(0), "quantity", Map.of("value", 1,
                            "uom", "GRM")))), ErrorCode.INVALID_ARGUMENT);
            assertThat(story.refused(Parties.BENCAO, "transformation:transform", Json.with(transform("TF-1",
                    List.of(input(sacks.get(0), 1)), 1), "outputs", List.of(Map.of("quantity", Map.of("value", 1,
                            "uom", "KGM"), "batch", Map.of("id", SLICE_LOT, "productId", Story.HERB_SLICE,
                            "batchNumber", "X", "productionDate", "2026-11-20", "expiryDate", "2028-11-19",
                            "herbal", Map.of("plot", "A"))))), ErrorCode.INVALID_ARGUMENT))
                    .contains("outputs[0].batch.herbal.testReportRef");
        }

        @Test
        void when_someone_else_holds_the_input_or_makes_the_output_it_is_refused() {
            story.refused(TestOrgs.OTHER_MAKER, "transformation:transform", transform("TF-1",
                    List.of(input(sacks.get(0), 1)), 1), ErrorCode.NOT_CUSTODIAN);
            story.refused(Parties.SHEN, "transformation:transform", transform("TF-1",
                    List.of(input(sacks.get(0), 1)), 1), ErrorCode.ACCESS_DENIED);
        }

        @Test
        void a_nested_field_error_names_its_full_path() {
            assertThat(story.refused(Parties.BENCAO, "transformation:transform", Json.with(transform("TF-1",
                    List.of(input(sacks.get(0), 1)), 1), "inputs", List.of(input(sacks.get(0), 1),
                            Map.of("code", "bad code", "quantity", Map.of("value", 1, "uom", "KGM")))),
                    ErrorCode.INVALID_IDENTIFIER)).contains("inputs[1].code");
            assertThat(story.refused(Parties.BENCAO, "transformation:transform", Json.with(transform("TF-1",
                    List.of(input(sacks.get(0), 1)), 1), "outputs", List.of(Map.of("quantity", Map.of("value", 1,
                            "uom", "KGM"), "batch", Map.of("id", SLICE_LOT, "productId", Story.HERB_SLICE,
                            "batchNumber", "X", "productionDate", "2026-11-20", "expiryDate", "2026-11-19")))),
                    ErrorCode.INVALID_ARGUMENT)).contains("outputs[0].batch.expiryDate");
        }
    }
}
