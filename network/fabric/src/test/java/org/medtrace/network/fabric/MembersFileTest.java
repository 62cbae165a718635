// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.medtrace.network.fabric.NetworkTables.Organization;

/**
 * config/members.jsonl, the registry scripts/members.sh writes: one member:register request per application
 * organisation, with the roles its users are enrolled with, a valid 统一社会信用代码 and the licences its roles need.
 */
class MembersFileTest {

    /** The licence a role needs (docs: roles and licences); roles not named need none. */
    private static final Map<String, Set<String>> LICENCES_NEEDED = Map.of(
            "manufacturer", Set.of("DRUG_MANUFACTURING"),
            "distributor", Set.of("DRUG_DISTRIBUTION"),
            "dispenser", Set.of("MEDICAL_INSTITUTION", "VACCINATION_SITE", "DRUG_DISTRIBUTION"),
            "lot-release", Set.of("LOT_RELEASE_DESIGNATION"));
    private static final Set<String> LICENCE_TYPES = Set.of("DRUG_MANUFACTURING", "DRUG_DISTRIBUTION",
            "MEDICAL_INSTITUTION", "VACCINATION_SITE", "LOT_RELEASE_DESIGNATION");
    private static final Set<String> ROLES =
            Set.of("manufacturer", "distributor", "logistics", "dispenser", "regulator", "lot-release", "logger");
    private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final NetworkTables tables = NetworkTables.load();
    private final List<JsonNode> members = members();

    @Test
    void every_application_organisation_is_a_member_once_with_the_roles_its_users_are_enrolled_with() {
        Map<String, List<String>> roles = members.stream().collect(Collectors.toMap(m -> m.get("msp").asText(),
                m -> texts(m.get("roles"))));

        assertThat(members).hasSameSizeAs(roles.keySet());
        assertThat(roles).isEqualTo(tables.peerOrganizations().stream()
                .collect(Collectors.toMap(Organization::mspId, Organization::roles)));
        assertThat(roles.values().stream().flatMap(List::stream)).allMatch(ROLES::contains);
    }

    @Test
    void the_authoritys_own_entry_comes_first_with_the_regulator_role() {
        assertThat(members.get(0).get("msp").asText()).isEqualTo(EndorsementPolicyTest.AUTHORITY);
        assertThat(texts(members.get(0).get("roles"))).containsExactly("regulator");
    }

    @Test
    void each_line_is_exactly_a_member_register_request() {
        for (JsonNode member : members) {
            List<String> fields = new ArrayList<>();
            member.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(member.toString())
                    .containsExactlyInAnyOrder("msp", "legalName", "creditCode", "licences", "roles", "reason");
            assertThat(member.get("legalName").asText()).isNotBlank();
            assertThat(member.get("reason").asText()).isNotBlank();
        }
    }

    @Test
    void every_credit_code_is_a_valid_unified_social_credit_code_and_unique() {
        List<String> codes = members.stream().map(m -> m.get("creditCode").asText()).toList();

        assertThat(codes).doesNotHaveDuplicates().allSatisfy(code -> {
            assertThat(code).matches("[0-9A-HJ-NPQRTUWXY]{18}");
            assertThat(code.charAt(17)).as(code).isEqualTo(checkCharacter(code.substring(0, 17)));
        });
    }

    @Test
    void the_check_character_is_that_of_gb_32100() {
        // A code changed in one place fails the check; the computation itself is GB 32100-2015's.
        assertThat(checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(checkCharacter("91350100M000100Y5")).isNotEqualTo('3');
    }

    @Test
    void every_role_that_needs_a_licence_has_one_valid_today_and_next_year() {
        LocalDate today = LocalDate.now();
        for (JsonNode member : members) {
            List<JsonNode> licences = StreamSupport.stream(member.get("licences").spliterator(), false).toList();
            for (JsonNode licence : licences) {
                assertThat(licence.get("type").asText()).isIn(LICENCE_TYPES);
                assertThat(licence.get("number").asText()).isNotBlank();
                assertThat(LocalDate.parse(licence.get("validFrom").asText()))
                        .isBefore(LocalDate.parse(licence.get("validUntil").asText()));
            }
            for (String role : texts(member.get("roles"))) {
                Set<String> needed = LICENCES_NEEDED.getOrDefault(role, Set.of());
                if (needed.isEmpty()) {
                    continue;
                }
                assertThat(licences).as(member.get("msp").asText() + " as " + role).anySatisfy(licence -> {
                    assertThat(licence.get("type").asText()).isIn(needed);
                    assertThat(LocalDate.parse(licence.get("validFrom").asText())).isBeforeOrEqualTo(today);
                    assertThat(LocalDate.parse(licence.get("validUntil").asText())).isAfter(today.plusYears(1));
                });
            }
        }
    }

    /** GB 32100-2015: weights 3^i mod 31 over the first 17 characters' values; 31 minus the sum mod 31, 31 as 0. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CREDIT_CODE_CHARS.charAt((31 - sum % 31) % 31);
    }

    private static List<JsonNode> members() {
        ObjectMapper mapper = new ObjectMapper();
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(NetworkFiles.CONFIG.resolve("members.jsonl"))) {
                nodes.add(mapper.readTree(line));
            }
            return nodes;
        } catch (IOException e) {
            throw new AssertionError("config/members.jsonl: every line must be one JSON object", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
