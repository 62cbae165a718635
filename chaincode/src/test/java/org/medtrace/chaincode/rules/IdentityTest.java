// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.testing.Json;
import org.medtrace.chaincode.testing.Members;
import org.medtrace.chaincode.testing.Parties;
import org.medtrace.chaincode.testing.Story;
import org.medtrace.chaincode.testing.TestIdentities;
import org.medtrace.chaincode.testing.TestIdentities.Identity;

/**
 * The caller's organisation and role come from its certificate: MSP id plus the attribute {@code role}. Each
 * organisation runs its own CA, so the role counts only where the consortium's member registry grants it, with a
 * licence valid on the transaction's date where the role needs one.
 */
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
    void a_regulator_role_a_member_issues_itself_is_refused_naming_the_missing_grant() {
        story.vaccineBatchRegistered().released();
        List<String> vials = story.commissioned("V", 2, 1);
        story.ok(Parties.MPA, "custody:hold", Json.obj("holdId", "H-1", "codes", vials, "reason", "inspection"));
        Identity selfMadeRegulator = TestIdentities.of("HuaxiaVaccineMSP", "regulator");
        String missing = "HuaxiaVaccineMSP may not call %s as regulator: the consortium has not granted role "
                + "'regulator' to HuaxiaVaccineMSP (granted: manufacturer, dispenser)";

        assertThat(story.refused(selfMadeRegulator, "recall:create", Json.obj("recallId", "R-1", "batchIds",
                List.of(Story.VACCINE_BATCH), "level", "I", "reason", "x"), ErrorCode.ACCESS_DENIED))
                .isEqualTo("[ACCESS_DENIED] " + missing.formatted("recall:create"));
        assertThat(story.refused(selfMadeRegulator, "custody:release", Json.obj("holdId", "H-1"),
                ErrorCode.ACCESS_DENIED)).isEqualTo("[ACCESS_DENIED] " + missing.formatted("custody:release"));
        assertThat(story.refused(selfMadeRegulator, "member:register", Members.request("HuaxiaVaccineMSP",
                List.of(Role.MANUFACTURER, Role.REGULATOR)), ErrorCode.ACCESS_DENIED))
                .isEqualTo("[ACCESS_DENIED] " + missing.formatted("member:register"));
        assertThat(story.refused(selfMadeRegulator, "member:update", Members.request("HuaxiaVaccineMSP",
                List.of(Role.MANUFACTURER, Role.REGULATOR)), ErrorCode.ACCESS_DENIED))
                .isEqualTo("[ACCESS_DENIED] " + missing.formatted("member:update"));
        story.ok(Parties.MPA, "custody:release", Json.obj("holdId", "H-1"));
    }

    @Test
    void an_organisation_on_the_channel_but_not_in_the_registry_can_do_nothing() {
        story.vaccineBatchRegistered();
        String notMember = "RogueMSP is not a member of the consortium (no entry in the member registry)";
        for (String role : List.of("manufacturer", "regulator", "lot-release", "dispenser")) {
            Identity rogue = TestIdentities.of("RogueMSP", role);
            assertThat(story.refused(rogue, "product:register", Json.with(Story.vaccineProduct(), "id",
                    "88.118.8866/P-ROGUE"), ErrorCode.ACCESS_DENIED)).endsWith(notMember);
            assertThat(story.refused(ErrorCode.ACCESS_DENIED, () -> story.harness().evaluate(rogue, "batch:get",
                    Json.obj("id", Story.VACCINE_BATCH).toString()))).endsWith(notMember);
            assertThat(story.refused(ErrorCode.ACCESS_DENIED, () -> story.harness().evaluate(rogue, "member:list",
                    "{}"))).endsWith(notMember);
        }
        assertThat(story.refused(TestIdentities.of("RogueMSP", "lot-release"), "batch:recordLotRelease",
                Json.obj("batchId", Story.VACCINE_BATCH, "certificateNumber", "C", "releaseDate", "2026-11-20"),
                ErrorCode.ACCESS_DENIED)).endsWith(notMember);
    }

    @Test
    void a_licence_past_its_validity_stops_the_role_from_that_date_in_china() {
        story.ok(Parties.MPA, "member:update", Members.request("OtherPharmaMSP", List.of(Role.MANUFACTURER),
                "2020-01-01", "2026-11-23"));
        var maker = TestIdentities.of("OtherPharmaMSP", "manufacturer");
        story.harness().clockAt(Instant.parse("2026-11-23T15:59:58Z"));
        story.ok(maker, "product:register", Story.vaccineProduct());

        assertThat(story.refused(maker, "product:register", Json.with(Story.vaccineProduct(), "id",
                "88.118.8866/P-2"), ErrorCode.ACCESS_DENIED)).isEqualTo("[ACCESS_DENIED] OtherPharmaMSP may not "
                        + "call product:register as manufacturer: role 'manufacturer' of OtherPharmaMSP needs a valid "
                        + "DRUG_MANUFACTURING licence; licence DRUG_MANUFACTURING OtherPharmaMSP-DRUG_MANUFACTURING "
                        + "was valid until 2026-11-23 (transaction date 2026-11-24)");
        story.refused(ErrorCode.ACCESS_DENIED, () -> story.harness().evaluate(maker, "product:get",
                Json.obj("id", Story.VACCINE).toString()));
        // a renewal restores the role; a licence valid only from a later date does not
        story.ok(Parties.MPA, "member:update", Members.request("OtherPharmaMSP", List.of(Role.MANUFACTURER),
                "2026-12-01", "2031-11-30"));
        assertThat(story.refused(maker, "product:register", Json.with(Story.vaccineProduct(), "id",
                "88.118.8866/P-2"), ErrorCode.ACCESS_DENIED)).contains("is not valid before 2026-12-01");
        story.harness().advance(Duration.ofDays(7));
        story.ok(maker, "product:register", Json.with(Story.vaccineProduct(), "id", "88.118.8866/P-2"));
    }

    @Test
    void roles_without_a_licence_are_not_stopped_by_dates() {
        story.harness().advance(Duration.ofDays(365 * 20));
        story.ok(Parties.COLDLINK, "telemetry:registerLogger", Json.obj("loggerId", Story.LOGGER));
        story.refused(Parties.SHEN, "telemetry:registerLogger", Json.obj("loggerId", "88.118.7700/L2"),
                ErrorCode.ACCESS_DENIED);
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
