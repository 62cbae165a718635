// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Requests;

/** Member requests, the credit code's check character and the grant rule shared by chaincode and gateway. */
class MembershipTest {
    private static final String CODE = "91350100M000100Y43";
    private static final Licence GMP = new Licence(LicenceType.DRUG_MANUFACTURING, "沪20260001",
            LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static String request(final String creditCode, final String roles, final String licences) {
        return "{\"clientEventId\":\"m1\",\"msp\":\"HuaxiaVaccineMSP\",\"legalName\":\"华夏疫苗\",\"creditCode\":\""
                + creditCode + "\",\"roles\":" + roles + ",\"licences\":" + licences + ",\"reason\":\"admitted\"}";
    }

    private static final String GMP_JSON = "[{\"type\":\"DRUG_MANUFACTURING\",\"number\":\"沪1\","
            + "\"validFrom\":\"2024-01-01\",\"validUntil\":\"2026-12-31\"}]";

    @Test
    void a_member_request_is_read_with_wire_names() {
        MemberRequest read = Requests.read(request(CODE.toLowerCase(), "[\"manufacturer\",\"lot-release\"]",
                GMP_JSON.replace("]", ",{\"type\":\"LOT_RELEASE_DESIGNATION\",\"number\":\"d1\","
                        + "\"validFrom\":\"2024-01-01\",\"validUntil\":\"2030-12-31\"}]")),
                MemberRequest.class, true).body();

        assertThat(read.creditCode()).isEqualTo(CODE);
        assertThat(read.roles()).containsExactly(Role.MANUFACTURER, Role.LOT_RELEASE);
        assertThat(read.licences()).extracting(Licence::type)
                .containsExactly(LicenceType.DRUG_MANUFACTURING, LicenceType.LOT_RELEASE_DESIGNATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a wrong check character|91350100M000100Y44|[\"logistics\"]|[]|creditCode|expected 3",
        "a letter not in the code set|91350100M0001O0Y43|[\"logistics\"]|[]|creditCode|18 characters",
        "a short code|91350100M000100Y4|[\"logistics\"]|[]|creditCode|18 characters",
        "a repeated role|" + CODE + "|[\"logistics\",\"logistics\"]|[]|roles[1]|repeats",
        "an unknown role|" + CODE + "|[\"pharmacist\"]|[]|roles[0]|is not one of",
        "a role without its licence|" + CODE + "|[\"logistics\",\"manufacturer\"]|[]|roles[1]|DRUG_MANUFACTURING",
        "an unknown licence type|" + CODE + "|[]|[{\"type\":\"GMP\",\"number\":\"1\",\"validFrom\":\"2024-01-01\","
                + "\"validUntil\":\"2025-01-01\"}]|licences[0].type|is not one of",
        "a licence ending before it starts|" + CODE + "|[]|[{\"type\":\"DRUG_MANUFACTURING\",\"number\":\"1\","
                + "\"validFrom\":\"2025-01-01\",\"validUntil\":\"2024-12-31\"}]|licences[0].validUntil|before",
    })
    void a_bad_member_request_is_refused_naming_the_field(final String what, final String code, final String roles,
            final String licences, final String field, final String problem) {
        assertThatThrownBy(() -> Requests.read(request(code, roles, licences), MemberRequest.class, true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @Test
    void the_check_character_follows_gb_32100() {
        assertThat(Check.creditCodeCheck("91350100M000100Y4")).isEqualTo('3');
        assertThat(Check.creditCodeCheck("91110000100006385")).isEqualTo('X');
    }

    private static Member member(final List<Role> roles, final Licence... licences) {
        return new Member("HuaxiaVaccineMSP", "华夏疫苗", CODE, List.of(licences), roles, Instant.parse("2026-01-05T02:00:00Z"),
                Instant.parse("2026-01-05T02:00:00Z"),
                "x509::CN=admin", "ShanghaiMpaMSP", "admitted", 1);
    }

    @Test
    void a_granted_role_with_a_valid_licence_is_allowed_through_its_last_day() {
        Member maker = member(List.of(Role.MANUFACTURER, Role.LOGISTICS), GMP);

        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.MANUFACTURER, DAY)).isNull();
        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.MANUFACTURER, LocalDate.of(2026, 12, 31)))
                .isNull();
        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.LOGISTICS, LocalDate.of(2040, 1, 1))).isNull();
    }

    @Test
    void each_missing_grant_is_named() {
        Member maker = member(List.of(Role.MANUFACTURER), GMP);

        assertThat(Grants.refusal(null, "RogueMSP", Role.MANUFACTURER, DAY))
                .isEqualTo("RogueMSP is not a member of the consortium (no entry in the member registry)");
        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.REGULATOR, DAY))
                .isEqualTo("the consortium has not granted role 'regulator' to HuaxiaVaccineMSP (granted: "
                        + "manufacturer)");
        assertThat(Grants.refusal(member(List.of()), "HuaxiaVaccineMSP", Role.REGULATOR, DAY))
                .contains("(granted: none)");
        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.MANUFACTURER, LocalDate.of(2027, 1, 1)))
                .contains("licence DRUG_MANUFACTURING 沪20260001 was valid until 2026-12-31 (transaction date "
                        + "2027-01-01)");
        assertThat(Grants.refusal(maker, "HuaxiaVaccineMSP", Role.MANUFACTURER, LocalDate.of(2023, 12, 31)))
                .contains("is not valid before 2024-01-01");
        assertThat(Grants.refusal(member(List.of(Role.DISPENSER)), "RenjiMSP", Role.DISPENSER, DAY))
                .contains("needs a valid DRUG_DISTRIBUTION or MEDICAL_INSTITUTION or VACCINATION_SITE licence");
    }

    @Test
    void a_member_entry_round_trips_through_the_ledger_encoding() {
        Member maker = member(List.of(Role.MANUFACTURER, Role.LOT_RELEASE), GMP);

        String json = Json.text(maker);

        assertThat(json).contains("\"roles\":[\"manufacturer\",\"lot-release\"]")
                .contains("\"type\":\"DRUG_MANUFACTURING\"");
        assertThat(Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Member.class)).isEqualTo(maker);
    }
}
