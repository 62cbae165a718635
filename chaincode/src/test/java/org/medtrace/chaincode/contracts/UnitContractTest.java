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
                    + "\",\"lastEventTime\":\"2026-11-23T02:00:03.000Z\",\"location\":\"88.118.8866/WH-SH-01\","
                    + "\"packageLevel\":1,\"productId\":\"88.118.8866/P-HEPB10\",\"returned\":false,"
                    + "\"status\":\"active\",\"updatedAt\":\"2026-11-23T02:00:03.000Z\"}");
            // the batch counts what is commissioned of it, per level
            assertThat(story.state("batch", Story.VACCINE_BATCH).get("commissioned").toString())
                    .isEqualTo("[{\"count\":2,\"packageLevel\":1}]");
            // exactly: 2 units, the batch, 1 event, 1 idempotency record
            assertThat(story.harness().lastStub().writeSet()).hasSize(5);
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

    /** A code that carries a product key carries the key of the batch's product at the level commissioned. */
    @Nested
    class CommissionProductKeys {
        private static final String FLU = "88.118.8866/P-FLU";
        private static final String FLU_BATCH = "88.118.8866/B-FLU-1";

        /** A product whose box level has its own 药品标识码 and GTIN. */
        private void fluRegistered() {
            story.ok(Parties.HUAXIA, "product:register", Json.obj("id", FLU, "kind", "vaccine", "name", "流感疫苗",
                    "approvalNumber", "国药准字S20263002", "productCode", "8700001", "gtin", "06901234567908",
                    "packageLevels", List.of(Map.of("level", 1, "name", "vial"), Map.of("level", 2, "name", "box",
                            "productCode", "8700002", "gtin", "06901234567915", "childCount", 10))));
            story.ok(Parties.HUAXIA, "batch:register", Json.obj("id", FLU_BATCH, "productId", FLU,
                    "batchNumber", "F1", "productionDate", "2026-11-01", "expiryDate", "2027-10-31"));
        }

        private Map<String, Object> flu(final List<String> codes, final int level) {
            return Map.of("batchId", FLU_BATCH, "packageLevel", level, "codes", codes);
        }

        @Test
        void when_codes_carry_the_products_key_they_are_commissioned() {
            List<String> codes = new ArrayList<>(Story.nmpaCodes("88.118.8866", "8612345", 1, 2));
            codes.addAll(Story.gs1Codes("88.118.8866", "06901234567892", "SN", 2));
            codes.add("88.118.8866/01.06901234567892.10.LOT1");
            assertThat(story.ok(Parties.HUAXIA, "unit:commission", Json.obj(commission(codes, 1))).get("count")
                    .asInt()).isEqualTo(5);
        }

        @Test
        void when_an_nmpa_code_carries_another_products_key_it_is_refused_naming_both_keys() {
            String foreign = Story.nmpaCodes("88.118.8866", "8199999", 1, 1).get(0);
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    Story.nmpaCodes("88.118.8866", "8612345", 1, 1).get(0), foreign), 1)),
                    ErrorCode.PRODUCT_KEY_MISMATCH)).contains(foreign).contains("8199999").contains("8612345")
                    .contains(Story.VACCINE);
        }

        @Test
        void when_a_gs1_code_carries_another_companys_gtin_it_is_refused_naming_both_keys() {
            String foreign = "88.118.8866/01.04006381333931.21.FOREIGN1";
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(foreign), 1)),
                    ErrorCode.PRODUCT_KEY_MISMATCH)).contains(foreign).contains("GTIN 04006381333931")
                    .contains("06901234567892");
        }

        @Test
        void when_a_level_declares_its_own_key_codes_of_that_level_carry_it() {
            fluRegistered();
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(flu(List.of("88.118.8866/01.06901234567908.21.V1"),
                    1)));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(flu(Story.nmpaCodes("88.118.8866", "8700001", 1,
                    1), 1)));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(flu(Story.nmpaCodes("88.118.8866", "8700002", 1,
                    1), 2)));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(flu(List.of("88.118.8866/01.06901234567915.21.B1"),
                    2)));
            // the product's own key is the vial's, not the box's: a box code under it names the wrong level
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(flu(Story.nmpaCodes("88.118.8866",
                    "8700001", 2, 1), 2)), ErrorCode.PRODUCT_KEY_MISMATCH)).contains("8700002")
                    .contains("package level 2 (box)");
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(flu(List.of(
                    "88.118.8866/01.06901234567915.21.V2"), 1)), ErrorCode.PRODUCT_KEY_MISMATCH);
        }

        @Test
        void when_the_product_declares_no_key_of_that_kind_it_is_refused() {
            story.herbalRegistered();
            assertThat(story.refused(Parties.BENCAO, "unit:commission", Json.obj("batchId", Story.RAW_LOT,
                    "packageLevel", 1, "codes", List.of("88.118.6600/01.06901234567892.21.SACK1"), "quantity",
                    Map.of("value", 25, "uom", "KGM")), ErrorCode.PRODUCT_KEY_MISMATCH)).contains("declares no GTIN");
            story.refused(Parties.BENCAO, "unit:commission", Json.obj("batchId", Story.RAW_LOT, "packageLevel", 1,
                    "codes", Story.nmpaCodes("88.118.6600", "8612345", 1, 1), "quantity", Map.of("value", 25, "uom",
                            "KGM")), ErrorCode.PRODUCT_KEY_MISMATCH);
        }

        @Test
        void when_the_code_is_an_sscc_it_is_refused_as_a_logistic_unit() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    "88.118.8866/00.106141411234567897"), 1)), ErrorCode.PRODUCT_KEY_MISMATCH))
                    .contains("SSCC").contains("unit:commissionContainers");
            story.ok(Parties.HUAXIA, "unit:commissionContainers", Json.obj("containerType", "case", "codes",
                    List.of("88.118.8866/00.106141411234567897")));
        }

        @Test
        void when_a_suffix_starts_like_a_gs1_key_but_is_none_it_is_refused_as_an_invalid_identifier() {
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(commission(List.of(
                    "88.118.8866/V1", "88.118.8866/01.06901234567893.21.SN1"), 1)), ErrorCode.INVALID_IDENTIFIER))
                    .startsWith("[INVALID_IDENTIFIER] codes[1]: ");
        }
    }

    /** A batch's declared quantity bounds what is commissioned of it; decommissioning frees a slot. */
    @Nested
    class CommissionQuantities {
        private void smallBatch(final String id, final Map<String, Object> quantity) {
            story.ok(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(id, id.substring(12)),
                    "quantity", quantity));
        }

        private Map<String, Object> into(final String batch, final List<String> codes, final int level) {
            return Map.of("batchId", batch, "packageLevel", level, "codes", codes);
        }

        @Test
        void when_more_units_are_commissioned_than_the_batch_declares_it_is_refused_naming_the_counts() {
            smallBatch("88.118.8866/B-TWO", Map.of("value", 2, "uom", "EA"));
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-TWO",
                    Story.codes("88.118.8866", "V", 5), 1)), ErrorCode.QUANTITY_EXCEEDED))
                    .contains("declares 2 EA").contains("at most 2 codes").contains("0 codes are commissioned")
                    .contains("5 more were requested");
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-TWO",
                    Story.codes("88.118.8866", "V", 2), 1)));
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-TWO",
                    List.of("88.118.8866/V3"), 1)), ErrorCode.QUANTITY_EXCEEDED))
                    .contains("2 codes are commissioned, 1 more were requested");
        }

        @Test
        void when_higher_levels_exceed_the_packs_the_quantity_fills_they_are_refused() {
            // 25 vials: ceil(25 / 10) = 3 boxes of 10, ceil(25 / 200) = 1 case of 20 boxes
            smallBatch("88.118.8866/B-25", Map.of("value", 25, "uom", "H87"));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-25",
                    Story.codes("88.118.8866", "BOX", 3), 2)));
            assertThat(story.refused(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-25",
                    List.of("88.118.8866/BOX4"), 2)), ErrorCode.QUANTITY_EXCEEDED)).contains("at most 3 codes")
                    .contains("package level 2 (box)");
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-25",
                    List.of("88.118.8866/CASE1"), 3)));
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-25",
                    List.of("88.118.8866/CASE2"), 3)), ErrorCode.QUANTITY_EXCEEDED);
            assertThat(story.state("batch", "88.118.8866/B-25").get("commissioned").toString()).isEqualTo(
                    "[{\"count\":3,\"packageLevel\":2},{\"count\":1,\"packageLevel\":3}]");
        }

        @Test
        void when_the_product_does_not_say_how_many_units_a_pack_holds_that_level_has_no_bound() {
            story.ok(Parties.HUAXIA, "product:register", Json.obj("id", "88.118.8866/P-LOOSE", "kind", "vaccine",
                    "name", "v", "approvalNumber", "国药准字S1", "productCode", "8600001", "packageLevels", List.of(
                            Map.of("level", 1, "name", "vial"), Map.of("level", 2, "name", "box"))));
            story.ok(Parties.HUAXIA, "batch:register", Json.obj("id", "88.118.8866/B-LOOSE", "productId",
                    "88.118.8866/P-LOOSE", "batchNumber", "L", "productionDate", "2026-11-01", "expiryDate",
                    "2027-11-01", "quantity", Map.of("value", 1, "uom", "EA")));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-LOOSE",
                    Story.codes("88.118.8866", "BOX", 3), 2)));
            story.refused(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-LOOSE",
                    Story.codes("88.118.8866", "V", 2), 1)), ErrorCode.QUANTITY_EXCEEDED);
        }

        @Test
        void when_lot_based_units_exceed_the_lots_weight_they_are_refused() {
            story.herbalRegistered();
            story.sacks(39);
            Map<String, Object> sack = Map.of("batchId", Story.RAW_LOT, "packageLevel", 1, "codes",
                    List.of("88.118.6600/X1", "88.118.6600/X2"), "quantity", Map.of("value", 25, "uom", "KGM"));
            assertThat(story.refused(Parties.BENCAO, "unit:commission", Json.obj(sack),
                    ErrorCode.QUANTITY_EXCEEDED)).contains("declares 1000 KGM").contains("975 KGM are commissioned")
                    .contains("50 KGM more (2 × 25 KGM)");
            assertThat(story.refused(Parties.BENCAO, "unit:commission", Json.with(Json.obj(sack), "quantity",
                    Map.of("value", 25, "uom", "LBR")), ErrorCode.INVALID_ARGUMENT)).contains("quantity")
                    .contains("KGM");
            story.ok(Parties.BENCAO, "unit:commission", Json.with(Json.obj(sack), "codes",
                    List.of("88.118.6600/X1")));
            assertThat(story.state("batch", Story.RAW_LOT).get("commissioned").toString()).isEqualTo(
                    "[{\"count\":40,\"packageLevel\":1,\"quantity\":{\"uom\":\"KGM\",\"value\":1000}}]");
        }

        @Test
        void when_a_code_is_decommissioned_its_slot_is_free_again() {
            smallBatch("88.118.8866/B-TWO", Map.of("value", 2, "uom", "EA"));
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-TWO",
                    Story.codes("88.118.8866", "V", 2), 1)));
            story.ok(Parties.HUAXIA, "unit:decommission", Json.obj("codes", List.of("88.118.8866/V0001"),
                    "reason", "misprint"));
            assertThat(story.state("batch", "88.118.8866/B-TWO").get("commissioned").toString())
                    .isEqualTo("[{\"count\":1,\"packageLevel\":1}]");
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-TWO",
                    List.of("88.118.8866/V0003"), 1)));
        }

        @Test
        void when_the_batch_declares_no_quantity_there_is_no_bound_and_the_batch_is_not_written() {
            story.ok(Parties.HUAXIA, "batch:register", Json.without(Story.vaccineBatch("88.118.8866/B-ANY", "ANY"),
                    "quantity"));
            String before = story.stateText("batch", "88.118.8866/B-ANY");
            story.ok(Parties.HUAXIA, "unit:commission", Json.obj(into("88.118.8866/B-ANY",
                    Story.codes("88.118.8866", "V", 100), 1)));
            assertThat(story.stateText("batch", "88.118.8866/B-ANY")).isEqualTo(before);
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
