// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;

class ProductContractTest {
    private final Story story = new Story();

    @Nested
    class Register {
        @Test
        void when_a_manufacturer_registers_a_vaccine_it_becomes_the_mah_with_a_2_to_8_cold_chain() {
            JsonNode product = story.ok(Parties.HUAXIA, "product:register", Story.vaccineProduct()).get("product");
            assertThat(product.get("mah").asText()).isEqualTo("HuaxiaVaccineMSP");
            assertThat(product.get("storage").toString()).isEqualTo("{\"maxCelsius\":8,\"minCelsius\":2}");
            assertThat(product.get("coldChainRequired").asBoolean()).isTrue();
        }

        @Test
        void writes_exact_bytes() {
            story.ok(Parties.HUAXIA, "product:register", Json.obj("id", "88.118.8866/p-mini", "kind", "vaccine",
                    "name", "Mini", "gtin", "6901234567892", "approvalNumber", "S1",
                    "packageLevels", List.of(Map.of("level", 1, "name", "vial"))));
            assertThat(story.stateText("product", "88.118.8866/p-mini")).isEqualTo("{\"approvalNumber\":\"S1\","
                    + "\"coldChainRequired\":true,\"gtin\":\"06901234567892\",\"id\":\"88.118.8866/p-mini\","
                    + "\"kind\":\"vaccine\",\"mah\":\"HuaxiaVaccineMSP\",\"name\":\"Mini\",\"packageLevels\":"
                    + "[{\"level\":1,\"name\":\"vial\"}],\"registeredAt\":\"2026-11-23T02:00:01.000Z\","
                    + "\"storage\":{\"maxCelsius\":8,\"minCelsius\":2}}");
        }

        @Test
        void when_the_identifier_prefix_is_lower_case_it_is_stored_normalised() {
            story.ok(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(), "id",
                    "88.118.abc/P-1"));
            assertThat(story.state("product", "88.118.ABC/P-1")).isNotNull();
        }

        @Test
        void when_not_a_manufacturer_it_is_refused() {
            story.refused(Parties.SHEN, "product:register", Story.vaccineProduct(), ErrorCode.ACCESS_DENIED);
            story.refused(Parties.MPA, "product:register", Story.vaccineProduct(), ErrorCode.ACCESS_DENIED);
        }

        @Test
        void when_the_id_is_taken_it_is_refused() {
            story.ok(Parties.HUAXIA, "product:register", Story.vaccineProduct());
            story.refused(Parties.HUAXIA, "product:register", Story.vaccineProduct(), ErrorCode.PRODUCT_EXISTS);
        }

        @Test
        void when_a_vaccine_lacks_its_approval_number_or_codes_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "product:register",
                    Json.without(Story.vaccineProduct(), "approvalNumber"), ErrorCode.INVALID_ARGUMENT))
                    .contains("approvalNumber");
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.without(Json.without(
                    Story.vaccineProduct(), "gtin"), "productCode"), ErrorCode.INVALID_ARGUMENT))
                    .contains("productCode");
        }

        @Test
        void when_a_herbal_product_has_no_approval_number_it_is_registered_without_cold_chain() {
            JsonNode product = story.ok(Parties.BENCAO, "product:register", Json.obj("id", Story.HERB_RAW,
                    "kind", "herbal_raw", "name", "黄芪", "packageLevels", List.of(Map.of("level", 1,
                            "name", "sack")))).get("product");
            assertThat(product.get("coldChainRequired").asBoolean()).isFalse();
            assertThat(product.has("storage")).isFalse();
        }

        @Test
        void when_the_gtin_check_digit_is_wrong_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(), "gtin",
                    "06901234567891"), ErrorCode.INVALID_ARGUMENT)).contains("gtin").contains("check digit");
        }

        @Test
        void when_package_levels_are_wrong_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(),
                    "packageLevels", List.of()), ErrorCode.INVALID_ARGUMENT)).contains("packageLevels");
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(),
                    "packageLevels", List.of(Map.of("level", 1, "name", "a"), Map.of("level", 1, "name", "b"))),
                    ErrorCode.INVALID_ARGUMENT)).contains("packageLevels[1].level");
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(),
                    "packageLevels", List.of(Map.of("level", 10, "name", "a"))), ErrorCode.INVALID_ARGUMENT))
                    .contains("packageLevels[0].level");
        }

        @Test
        void when_the_storage_band_is_inverted_it_is_refused() {
            assertThat(story.refused(Parties.HUAXIA, "product:register", Json.with(Story.vaccineProduct(),
                    "storage", Map.of("minCelsius", 8, "maxCelsius", 2)), ErrorCode.INVALID_ARGUMENT))
                    .contains("storage.maxCelsius");
        }
    }

    @Nested
    class Get {
        @Test
        void when_registered_it_returns_the_record() {
            story.ok(Parties.HUAXIA, "product:register", Story.vaccineProduct());
            JsonNode product = story.read(Parties.MPA, "product:get", Json.obj("id", Story.VACCINE));
            assertThat(product.get("name").asText()).isEqualTo("乙型肝炎疫苗(酿酒酵母)");
        }

        @Test
        void when_unknown_it_is_refused() {
            story.refused(ErrorCode.PRODUCT_NOT_FOUND, () -> story.harness().evaluate(Parties.MPA, "product:get",
                    Json.obj("id", Story.VACCINE).toString()));
        }
    }
}
