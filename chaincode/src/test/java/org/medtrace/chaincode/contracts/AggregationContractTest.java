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

class AggregationContractTest {
    private final Story story = new Story();
    private List<String> vials;
    private List<String> boxes;
    private List<String> cases;

    @BeforeEach
    void goods() {
        story.vaccineBatchRegistered().released();
        vials = story.commissioned("V", 12, 1);
        boxes = story.commissioned("BOX", 2, 2);
        cases = story.commissioned("CASE", 1, 3);
    }

    @Nested
    class Pack {
        @Test
        void writes_the_live_edge_and_its_reverse_with_exact_bytes() {
            JsonNode response = story.ok(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0),
                    "children", vials.subList(0, 2), "eventTime", "2026-11-23T10:02:00+08:00"));
            String eventId = response.get("eventIds").get(0).asText();
            assertThat(story.stateText("aggregation", boxes.get(0), vials.get(1))).isEqualTo("{\"child\":\""
                    + vials.get(1) + "\",\"eventId\":\"" + eventId + "\",\"packedAt\":\"2026-11-23T02:02:00.000Z\","
                    + "\"parent\":\"" + boxes.get(0) + "\"}");
            assertThat(story.stateText("containedIn", vials.get(1))).isEqualTo("{\"parent\":\"" + boxes.get(0)
                    + "\",\"since\":\"2026-11-23T02:02:00.000Z\"}");
            // parent and children note the packing as their last event
            for (String code : List.of(boxes.get(0), vials.get(0), vials.get(1))) {
                assertThat(story.unit(code).get("lastEventId").asText()).isEqualTo(eventId);
                assertThat(story.unit(code).get("lastEventTime").asText()).isEqualTo("2026-11-23T02:02:00.000Z");
            }
        }

        @Test
        void when_packing_a_parent_into_its_own_descendant_it_is_refused_as_a_cycle() {
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 2));
            story.packed(Parties.HUAXIA, cases.get(0), List.of(boxes.get(0)));
            story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "pallet",
                    "codes", List.of("88.118.8866/PAL1")));
            story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "case",
                    "codes", List.of("88.118.8866/C1")));
            story.packed(Parties.HUAXIA, "88.118.8866/PAL1", List.of(cases.get(0)));
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    List.of(boxes.get(0))), ErrorCode.AGGREGATION_CYCLE);
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", "88.118.8866/C1", "children",
                    List.of("88.118.8866/PAL1")), ErrorCode.PACKAGE_LEVEL_INVALID);
        }

        @Test
        void when_a_child_is_packed_already_it_is_refused() {
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 2));
            assertThat(story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(1),
                    "children", List.of(vials.get(1))), ErrorCode.UNIT_PACKED)).contains(boxes.get(0));
        }

        @Test
        void when_the_levels_do_not_nest_it_is_refused() {
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    List.of(boxes.get(1))), ErrorCode.PACKAGE_LEVEL_INVALID);
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", vials.get(0), "children",
                    List.of(boxes.get(1))), ErrorCode.PACKAGE_LEVEL_INVALID);
        }

        @Test
        void when_units_of_another_batch_go_into_a_box_it_is_refused() {
            story.ok(Parties.HUAXIA, "batch:register", Story.vaccineBatch("88.118.8866/B-2", "2"));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj("batchId", "88.118.8866/B-2", "packageLevel", 1,
                    "codes", List.of("88.118.8866/OTHER")));
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    List.of("88.118.8866/OTHER")), ErrorCode.PACKAGE_LEVEL_INVALID);
        }

        @Test
        void when_a_box_would_hold_more_than_its_declared_child_count_it_is_refused() {
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 9));
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    vials.subList(9, 11)), ErrorCode.QUANTITY_EXCEEDED);
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(9, 10));
        }

        @Test
        void when_the_caller_is_not_the_custodian_it_is_refused() {
            story.refused(Parties.SHEN, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    vials.subList(0, 1)), ErrorCode.NOT_CUSTODIAN);
            story.refused(Parties.MPA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    vials.subList(0, 1)), ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_goods_are_in_transit_or_recalled_it_is_refused() {
            story.shipped(Parties.HUAXIA, "S1", List.of(vials.get(0)), Parties.SHEN);
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    List.of(vials.get(0))), ErrorCode.UNIT_IN_TRANSIT);
            story.ok(Parties.MPA, "recall:create", Json.obj("recallId", "R1", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "I", "reason", "sterility"));
            story.refused(Parties.HUAXIA, "aggregation:pack", Json.obj("parent", boxes.get(0), "children",
                    List.of(vials.get(1))), ErrorCode.BATCH_RECALLED);
        }

        @Test
        void containers_hold_units_and_lower_ranked_containers_of_any_batch() {
            story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "pallet",
                    "codes", List.of("88.118.8866/PAL1")));
            story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "cold_box",
                    "codes", List.of("88.118.8866/CB1")));
            story.packed(Parties.HUAXIA, "88.118.8866/CB1", List.of(boxes.get(0), vials.get(11)));
            story.packed(Parties.HUAXIA, "88.118.8866/PAL1", List.of("88.118.8866/CB1"));
            assertThat(story.state("containedIn", "88.118.8866/CB1").get("parent").asText())
                    .isEqualTo("88.118.8866/PAL1");
        }
    }

    @Nested
    class Unpack {
        @BeforeEach
        void packed() {
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 3));
        }

        @Test
        void when_no_children_are_named_all_are_unpacked_and_the_edges_deleted() {
            assertThat(story.ok(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0)))
                    .get("count").asInt()).isEqualTo(3);
            assertThat(story.state("aggregation", boxes.get(0), vials.get(0))).isNull();
            assertThat(story.state("containedIn", vials.get(0))).isNull();
            story.refused(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0)),
                    ErrorCode.UNIT_NOT_PACKED);
        }

        @Test
        void when_named_children_are_unpacked_the_rest_stay() {
            story.ok(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0), "children",
                    List.of(vials.get(1))));
            assertThat(story.state("containedIn", vials.get(1))).isNull();
            assertThat(story.state("containedIn", vials.get(2))).isNotNull();
        }

        @Test
        void when_a_named_child_is_not_in_the_parent_it_is_refused() {
            story.refused(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0), "children",
                    List.of(vials.get(5))), ErrorCode.UNIT_NOT_PACKED);
            story.refused(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0), "children",
                    List.of("88.118.8866/NOPE")), ErrorCode.UNIT_NOT_FOUND);
        }

        @Test
        void the_edge_history_keeps_every_version() {
            story.ok(Parties.HUAXIA, "aggregation:unpack", Json.obj("parent", boxes.get(0)));
            story.packed(Parties.HUAXIA, boxes.get(0), vials.subList(0, 1));
            JsonNode history = story.read(Parties.MPA, "ledger:history", Json.obj("type", "aggregation",
                    "id", boxes.get(0) + "|" + vials.get(0))).get("history");
            List<Boolean> deletes = new ArrayList<>();
            history.forEach(h -> deletes.add(h.get("isDelete").asBoolean()));
            assertThat(deletes).containsExactly(false, true, false);
        }
    }
}
