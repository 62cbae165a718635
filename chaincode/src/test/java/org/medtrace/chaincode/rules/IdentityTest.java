// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;
import org.medtrace.chaincode.testing.TestIdentities;

/** The caller's organisation and role come from its certificate: MSP id plus the attribute {@code role}. */
class IdentityTest {
    private final Story story = new Story();

    @Test
    void a_certificate_without_the_role_attribute_is_refused_for_submits_and_reads() {
        var noRole = TestIdentities.of("HuaxiaVaccineMSP", null);
        assertThat(story.refused(noRole, "product:register", Story.vaccineProduct(), ErrorCode.ACCESS_DENIED))
                .contains("no 'role' attribute");
        story.refused(ErrorCode.ACCESS_DENIED, () -> story.harness().evaluate(noRole, "product:get",
                Json.obj("id", Story.VACCINE).toString()));
    }

    @Test
    void an_unknown_role_or_unreadable_attributes_are_refused() {
        assertThat(story.refused(TestIdentities.of("HuaxiaVaccineMSP", "admin"), "product:register",
                Story.vaccineProduct(), ErrorCode.ACCESS_DENIED)).contains("'admin'");
        story.refused(TestIdentities.withAttributes("HuaxiaVaccineMSP", "not json"), "product:register",
                Story.vaccineProduct(), ErrorCode.ACCESS_DENIED);
        story.refused(TestIdentities.withAttributes("HuaxiaVaccineMSP", "{\"attrs\":{\"Role\":\"manufacturer\"}}"),
                "product:register", Story.vaccineProduct(), ErrorCode.ACCESS_DENIED);
    }

    @Test
    void the_msp_id_of_the_certificate_is_the_organisation_that_acts() {
        var other = TestIdentities.of("OtherPharmaMSP", "manufacturer");
        story.ok(other, "product:register", Story.vaccineProduct());
        assertThat(story.state("product", Story.VACCINE).get("mah").asText()).isEqualTo("OtherPharmaMSP");
        story.refused(Parties.HUAXIA, "batch:register", Story.vaccineBatch(Story.VACCINE_BATCH, "1"),
                ErrorCode.NOT_MAH);
    }
}
