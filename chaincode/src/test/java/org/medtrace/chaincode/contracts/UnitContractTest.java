// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class UnitContractTest {
    private final Story story = new Story();

    @BeforeEach
    void batch() {
        story.vaccineBatchRegistered();
    }

    private Map<String, Object> commission(final List<String> codes, final int level) {
        return Map.of("batchId", Story.VACCINE_BATCH, "packageLevel", level, "codes", codes);
    }

    @Nested
    class Commission {
        @Test
        void writes_one_unit_record_per_code_with_exact_bytes() {
            JsonNode response = story.ok(Parties.HUAXIA, "unit:commission",
                    Json.with(Json.obj(commission(List.of("88.118.8866/V1", "88.118.8866/V2"), 1)), "bizLocation",
                            "88.118.8866/WH-SH-01"));
            assertThat(response.get("count").asInt()).isEqualTo(2);
            String eventId = response.get("eventIds").get(0).asText();
            assertThat(story.stateText("unit", "88.118.8866/V2")).isEqualTo("{\"batchId\":\"88.118.8866/B-20261101\","
                    + "\"commissionedAt\":\"2026-11-23T02:00:03.000Z\",\"custodian\":\"HuaxiaVaccineMSP\","
                    + "\"holds\":[],\"id\":\"88.118.8866/V2\",\"kind\":\"unit\",\"lastEventId\":\"" + eventId
                    + "\",\"location\":\"88.118.8866/WH-SH-01\",\"packageLevel\":1,\"productId\":"
                    + "\"88.118.8866/P-HEPB10\",\"returned\":false,\"status\":\"active\","
                    + "\"updatedAt\":\"2026-11-23T02:00:03.000Z\"}");
            // exactly: 2 units, 1 event, 1 idempotency record
            assertThat(story.harness().lastStub().writeSet()).hasSize(4);
        }

        @Test
        void when_a_code_was_commissioned_before_it_is_refused() {
            story.commissioned("V", 2, 1);
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    "88.118.8866/NEW", "88.118.8866/V0002"), 1)), ErrorCode.UNIT_ALREADY_COMMISSIONED))
                    .contains("88.118.8866/V0002");
        }

        @Test
        void when_a_code_repeats_in_the_request_after_normalising_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    "88.118.abc/V1", "88.118.ABC/V1"), 1)), ErrorCode.INVALID_ARGUMENT)).contains("codes[1]");
        }

        @Test
        void when_a_code_is_not_an_identifier_it_is_refused_naming_it() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    "88.118.8866/V1", "no-slash"), 1)), ErrorCode.INVALID_IDENTIFIER)).contains("codes[1]");
        }

        @Test
        void when_the_level_is_not_declared_it_is_refused() {
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of("88.118.8866/V1"), 4)),
                    ErrorCode.PACKAGE_LEVEL_INVALID);
        }

        @Test
        void when_the_caller_is_not_the_mah_it_is_refused() {
            story.refused(TestOrgs.OTHER_MAKER, "unit:commission", Json.obj(commission(List.of("88.118.8866/V1"),
                    1)), ErrorCode.NOT_MAH);
            story.refused(Parties.SHEN, "unit:commission", Json.obj(commission(List.of("88.118.8866/V1"), 1)),
                    ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_the_batch_is_recalled_or_expired_it_is_refused() {
            story.ok(Parties.HUAXIA, "recall:create", Json.obj("recallId", "R1", "batchIds",
                    List.of(Story.VACCINE_BATCH), "level", "III", "reason", "label error"));
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of("88.118.8866/V1"), 1)),
                    ErrorCode.BATCH_RECALLED);
            story.ok(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch("88.118.8866/OLD", "OLD"),
                    "productionDate", "2024-01-01").put("expiryDate", "2026-11-22"));
            story.refused(Parties.HUAXIA, "unit:commission", Json.with(Json.obj(commission(List.of(
                    "88.118.8866/V1"), 1)), "batchId", "88.118.8866/OLD"), ErrorCode.UNIT_EXPIRED);
        }

        @Test
        void when_more_than_10000_codes_are_sent_it_is_refused_as_a_limit() {
            List<String> codes = new ArrayList<>(Story.codes("88.118.8866", "V", 9999));
            codes.addAll(Story.codes("88.118.8866", "W", 2));
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(codes, 1)),
                    ErrorCode.LIMIT_EXCEEDED)).contains("codes").contains("10000");
        }

        @Test
        void when_exactly_10000_codes_are_sent_they_are_commissioned() {
            assertThat(story.ok(Parties.HUAXIA, "unit:commission", Json.obj(commission(Story.codes("88.118.8866",
                    "V", 10000), 1))).get("count").asInt()).isEqualTo(10000);
        }

        @Test
        void when_herbal_units_have_no_quantity_it_is_refused() {
            story.herbalRegistered();
            assertThat(story.refused(Parties.BENCAO, "unit:commission", Json.obj("batchId", Story.RAW_LOT,
                    "packageLevel", 1, "codes", List.of("88.118.6600/S1")), ErrorCode.INVALID_ARGUMENT))
                    .contains("quantity");
        }
    }

    @Nested
    class CommissionContainers {
        @Test
        void when_a_distributor_commissions_cases_they_are_its_containers() {
            story.ok(Parties.SHEN, "unit:commissionContainers", Json.obj("containerType", "cold_box",
                    "codes", List.of("88.118.9000/CB1")));
            JsonNode box = story.unit("88.118.9000/CB1");
            assertThat(box.get("kind").asText()).isEqualTo("container");
            assertThat(box.get("containerType").asText()).isEqualTo("cold_box");
            assertThat(box.get("custodian").asText()).isEqualTo("ShenDistMSP");
        }

        @Test
        void when_the_type_is_unknown_or_the_caller_is_a_regulator_it_is_refused() {
            assertThat(story.refused(Parties.SHEN, "unit:commissionContainers", Json.obj("containerType", "crate",
                    "codes", List.of("88.118.9000/C1")), ErrorCode.INVALID_ARGUMENT)).contains("containerType")
                    .contains("cold_box");
            story.refused(Parties.MPA, "unit:commissionContainers", Json.obj("containerType", "case",
                    "codes", List.of("88.118.9000/C1")), ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_a_unit_code_is_reused_as_a_container_it_is_refused() {
            story.commissioned("V", 1, 1);
            story.refused(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "case",
                    "codes", List.of("88.118.8866/V0001")), ErrorCode.UNIT_ALREADY_COMMISSIONED);
        }
    }

    @Nested
    class Decommission {
        @Test
        void when_the_manufacturer_decommissions_an_active_code_it_is_inactive_and_never_commissioned_again() {
            List<String> codes = story.commissioned("V", 1, 1);
            story.ok(Parties.HUAXIA, "unit:decommission", Json.obj("codes", codes, "reason", "misprint"));
            assertThat(story.unit(codes.get(0)).get("status").asText()).isEqualTo("decommissioned");
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(codes, 1)),
                    ErrorCode.UNIT_ALREADY_COMMISSIONED);
            story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes", codes, "reason", "again"),
                    ErrorCode.UNIT_DECOMMISSIONED);
        }

        @Test
        void when_the_code_has_children_or_is_packed_it_is_refused() {
            List<String> vials = story.commissioned("V", 2, 1);
            List<String> box = story.commissioned("BOX", 1, 2);
            story.packed(Parties.HUAXIA, box.get(0), vials);
            story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes", box, "reason", "x"),
                    ErrorCode.AGGREGATION_NOT_EMPTY);
            story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes", vials, "reason", "x"),
                    ErrorCode.UNIT_PACKED);
        }

        @Test
        void when_the_code_is_in_transit_or_elsewhere_it_is_refused() {
            story.released();
            List<String> codes = story.commissioned("V", 2, 1);
            story.shipped(Parties.HUAXIA, "SHIP-1", List.of(codes.get(0)), Parties.SHEN);
            story.refused(Parties.HUAXIA, "unit:decommission", Json.obj("codes", List.of(codes.get(0)),
                    "reason", "x"), ErrorCode.UNIT_IN_TRANSIT);
            story.refused(Parties.SHEN, "unit:decommission", Json.obj("codes", List.of(codes.get(1)), "reason", "x"),
                    ErrorCode.ACCESS_DENIED);
            story.refused(TestOrgs.OTHER_MAKER, "unit:decommission", Json.obj("codes", List.of(codes.get(1)),
                    "reason", "x"), ErrorCode.NOT_CUSTODIAN);
        }
    }

    @Nested
    class Reads {
        @Test
        void unit_get_shows_the_parent_of_a_packed_code() {
            List<String> vials = story.commissioned("V", 2, 1);
            List<String> box = story.commissioned("BOX", 1, 2);
            story.packed(Parties.HUAXIA, box.get(0), vials);
            JsonNode vial = story.read(Parties.MPA, "unit:get", Json.obj("id", vials.get(0)));
            assertThat(vial.get("parent").asText()).isEqualTo(box.get(0));
            assertThat(story.read(Parties.MPA, "unit:get", Json.obj("id", box.get(0))).has("parent")).isFalse();
            story.refused(ErrorCode.UNIT_NOT_FOUND, () -> story.harness().evaluate(Parties.MPA, "unit:get",
                    Json.obj("id", "88.118.8866/NONE").toString()));
        }

        @Test
        void unit_children_pages_with_bookmarks() {
            List<String> vials = story.commissioned("V", 5, 1);
            List<String> box = story.commissioned("BOX", 1, 2);
            story.packed(Parties.HUAXIA, box.get(0), vials);
            List<String> seen = new ArrayList<>();
            String bookmark = "";
            int pages = 0;
            do {
                JsonNode page = story.read(Parties.SHEN, "unit:children", Json.obj("parent", box.get(0),
                        "pageSize", 2, "bookmark", bookmark));
                seen.addAll(Story.ids(page.get("children")));
                bookmark = page.get("bookmark").asText();
                pages++;
            } while (!bookmark.isEmpty());
            assertThat(seen).isEqualTo(vials);
            assertThat(pages).isEqualTo(3);
            assertThat(story.refused(ErrorCode.INVALID_ARGUMENT, () -> story.harness().evaluate(Parties.SHEN,
                    "unit:children", Json.obj("parent", box.get(0), "pageSize", 1001).toString()))).contains("pageSize");
        }
    }
}
