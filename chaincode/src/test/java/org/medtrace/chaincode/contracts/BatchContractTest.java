// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class BatchContractTest {
    private final Story story = new Story();

    @Nested
    class Register {
        @BeforeEach
        void product() {
            story.ok(Parties.HUAXIA, "product:register", Story.vaccineProduct());
        }

        @Test
        void writes_exact_bytes_and_the_batch_number_index() {
            JsonNode response = story.ok(Parties.HUAXIA, "batch:register",
                    Story.vaccineBatch(Story.VACCINE_BATCH, "20261101"));
            String eventId = response.get("eventIds").get(0).asText();
            assertThat(story.stateText("batch", Story.VACCINE_BATCH)).isEqualTo("{\"batchNumber\":\"20261101\","
                    + "\"expiryDate\":\"2028-10-31\",\"holds\":[],\"id\":\"88.118.8866/B-20261101\",\"lastEventId\":\""
                    + eventId + "\",\"mah\":\"HuaxiaVaccineMSP\",\"productId\":\"88.118.8866/P-HEPB10\","
                    + "\"productionDate\":\"2026-11-01\",\"quantity\":{\"uom\":\"EA\",\"value\":50000},"
                    + "\"registeredAt\":\"2026-11-23T02:00:02.000Z\",\"sourceLots\":[]}");
            assertThat(story.stateText("batchNumber", Story.VACCINE, "20261101"))
                    .isEqualTo("{\"batchId\":\"88.118.8866/B-20261101\"}");
        }

        @Test
        void when_another_organisation_registers_it_is_refused() {
            story.refused(TestOrgs.OTHER_MAKER, "batch:register", Story.vaccineBatch(Story.VACCINE_BATCH, "1"),
                    ErrorCode.NOT_MAH);
            story.refused(Parties.SHEN, "batch:register", Story.vaccineBatch(Story.VACCINE_BATCH, "1"),
                    ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_the_product_is_unknown_it_is_refused() {
            story.refused(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(Story.VACCINE_BATCH, "1"),
                    "productId", "88.118.8866/NOPE"), ErrorCode.PRODUCT_NOT_FOUND);
        }

        @Test
        void when_the_id_or_the_batch_number_is_taken_it_is_refused() {
            story.ok(Parties.HUAXIA, "batch:register", Story.vaccineBatch(Story.VACCINE_BATCH, "20261101"));
            story.refused(Parties.HUAXIA, "batch:register", Story.vaccineBatch(Story.VACCINE_BATCH, "X"),
                    ErrorCode.BATCH_EXISTS);
            assertThat(story.refused(Parties.HUAXIA, "batch:register", Story.vaccineBatch("88.118.8866/B-2",
                    "20261101"), ErrorCode.BATCH_EXISTS)).contains("batch number 20261101");
        }

        @Test
        void when_expiry_is_not_after_production_or_production_is_in_the_future_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(
                    Story.VACCINE_BATCH, "1"), "expiryDate", "2026-11-01"), ErrorCode.INVALID_ARGUMENT))
                    .contains("expiryDate");
            assertThat(story.refused(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(
                    Story.VACCINE_BATCH, "1"), "productionDate", "2026-12-01"), ErrorCode.INVALID_ARGUMENT))
                    .contains("productionDate");
        }

        @Test
        void when_a_date_is_malformed_it_is_refused_naming_it() {
            assertThat(story.refused(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(
                    Story.VACCINE_BATCH, "1"), "expiryDate", "2028-02-30"), ErrorCode.INVALID_ARGUMENT))
                    .contains("expiryDate").contains("YYYY-MM-DD");
        }

        @Test
        void when_a_vaccine_batch_carries_herbal_data_it_is_refused() {
            story.refused(Parties.HUAXIA, "batch:register", Json.with(Story.vaccineBatch(Story.VACCINE_BATCH, "1"),
                    "herbal", Map.of("harvestDate", "2026-01-01")), ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class RegisterHerbal {
        @BeforeEach
        void products() {
            story.herbalRegistered();
        }

        @Test
        void when_a_raw_lot_lacks_origin_or_harvest_it_is_refused() {
            var lot = Json.obj("id", "88.118.6600/L2", "productId", Story.HERB_RAW, "batchNumber", "L2",
                    "productionDate", "2026-10-20", "expiryDate", "2029-10-19");
            assertThat(story.refused(Parties.BENCAO, "batch:register", lot, ErrorCode.INVALID_ARGUMENT))
                    .contains("herbal");
            assertThat(story.refused(Parties.BENCAO, "batch:register", Json.with(lot, "herbal",
                    Map.of("harvestDate", "2026-10-01")), ErrorCode.INVALID_ARGUMENT))
                    .contains("herbal.origin.province");
            assertThat(story.refused(Parties.BENCAO, "batch:register", Json.with(lot, "herbal",
                    Map.of("origin", Map.of("province", "甘肃"))), ErrorCode.INVALID_ARGUMENT))
                    .contains("herbal.harvestDate");
        }

        @Test
        void when_a_slice_batch_lacks_method_or_test_report_it_is_refused() {
            var lot = Json.obj("id", "88.118.6600/S2", "productId", Story.HERB_SLICE, "batchNumber", "S2",
                    "productionDate", "2026-11-01", "expiryDate", "2028-10-31",
                    "herbal", Map.of("testReportRef", "TR-1"));
            assertThat(story.refused(Parties.BENCAO, "batch:register", lot, ErrorCode.INVALID_ARGUMENT))
                    .contains("herbal.processingMethod");
            story.ok(Parties.BENCAO, "batch:register", Json.with(lot, "herbal", Map.of("testReportRef", "TR-1",
                    "processingMethod", "切片")));
        }

        @Test
        void when_harvest_is_after_production_it_is_refused() {
            assertThat(story.refused(Parties.BENCAO, "batch:register", Json.obj("id", "88.118.6600/L3",
                    "productId", Story.HERB_RAW, "batchNumber", "L3", "productionDate", "2026-10-20",
                    "expiryDate", "2029-10-19", "herbal", Map.of("origin", Map.of("province", "甘肃"),
                            "harvestDate", "2026-10-21")), ErrorCode.INVALID_ARGUMENT)).contains("herbal.harvestDate");
        }
    }

    @Nested
    class RecordLotRelease {
        private final Map<String, Object> release = Map.of("batchId", Story.VACCINE_BATCH, "certificateNumber",
                "SP2026110001", "releaseDate", "2026-11-20");

        @BeforeEach
        void batch() {
            story.vaccineBatchRegistered();
        }

        @Test
        void when_the_lot_release_authority_records_it_the_batch_carries_its_registry_name() {
            JsonNode batch = story.ok(Parties.SIDC, "batch:recordLotRelease", Json.obj(release)).get("batch");
            assertThat(batch.get("lotRelease").toString()).isEqualTo("{\"certificateNumber\":\"SP2026110001\","
                    + "\"issuer\":\"上海市食品药品检验研究院\",\"issuerMsp\":\"ShanghaiIdcMSP\","
                    + "\"releaseDate\":\"2026-11-20\"}");
            assertThat(story.state("batch", Story.VACCINE_BATCH).get("lotRelease")).isEqualTo(batch.get("lotRelease"));
        }

        @Test
        void when_the_mah_records_its_own_lot_release_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "batch:recordLotRelease", Json.obj(release),
                    ErrorCode.ACCESS_DENIED)).contains("role manufacturer of HuaxiaVaccineMSP may not call "
                            + "batch:recordLotRelease; allowed: lot-release");
        }

        @Test
        void when_a_regulator_or_a_distributor_records_it_it_is_refused() {
            story.refused(Parties.MPA, "batch:recordLotRelease", Json.obj(release), ErrorCode.ACCESS_DENIED);
            story.refused(Parties.SHEN, "batch:recordLotRelease", Json.obj(release), ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_the_mah_issues_itself_a_lot_release_certificate_role_it_is_refused_naming_the_missing_grant() {
            assertThat(story.refused(Members.caller("HuaxiaVaccineMSP", Role.LOT_RELEASE), "batch:recordLotRelease",
                    Json.obj(release), ErrorCode.ACCESS_DENIED)).contains("the consortium has not granted role "
                            + "'lot-release' to HuaxiaVaccineMSP");
        }

        @Test
        void when_recorded_twice_it_is_refused() {
            story.ok(Parties.SIDC, "batch:recordLotRelease", Json.obj(release));
            story.refused(Parties.SIDC, "batch:recordLotRelease", Json.obj(release), ErrorCode.LOT_RELEASE_EXISTS);
        }

        @Test
        void when_the_release_date_is_before_production_or_in_the_future_it_is_refused() {
            story.refused(Parties.SIDC, "batch:recordLotRelease", Json.with(Json.obj(release), "releaseDate",
                    "2026-10-01"), ErrorCode.INVALID_ARGUMENT);
            story.refused(Parties.SIDC, "batch:recordLotRelease", Json.with(Json.obj(release), "releaseDate",
                    "2026-12-01"), ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void when_the_batch_is_not_a_vaccine_it_is_refused() {
            story.herbalRegistered();
            story.refused(Parties.SIDC, "batch:recordLotRelease", Json.with(Json.obj(release), "batchId",
                    Story.RAW_LOT), ErrorCode.WRONG_PRODUCT_KIND);
        }
    }
}
