// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Requests;
import org.medtrace.chaincode.api.membership.MemberRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.network.fabric.NetworkTables.Organization;

/**
 * config/members.jsonl, the registry scripts/members.sh writes: one member:register request per application
 * organisation, with the roles its users are enrolled with. Each line is read with the chaincode's own request
 * definition (chaincode/api), so a line the chaincode would refuse (an unknown field, a wrong 统一社会信用代码 check
 * character, a role without the licence it needs) fails here, not on the real network.
 */
class MembersFileTest {

    private final NetworkTables tables = NetworkTables.load();
    private final List<MemberRequest> members = members();

    @Test
    void every_application_organisation_is_a_member_once_with_the_roles_its_users_are_enrolled_with() {
        Map<String, List<String>> roles = members.stream().collect(Collectors.toMap(MemberRequest::msp,
                m -> m.roles().stream().map(Role::wire).toList()));

        assertThat(members).hasSameSizeAs(roles.keySet());
        assertThat(roles).isEqualTo(tables.peerOrganizations().stream()
                .collect(Collectors.toMap(Organization::mspId, Organization::roles)));
    }

    @Test
    void the_authoritys_own_entry_comes_first_with_the_regulator_role() {
        assertThat(members.get(0).msp()).isEqualTo(EndorsementPolicyTest.AUTHORITY);
        assertThat(members.get(0).roles()).containsExactly(Role.REGULATOR);
    }

    @Test
    void every_credit_code_is_unique() {
        assertThat(members.stream().map(MemberRequest::creditCode).toList()).doesNotHaveDuplicates();
    }

    @Test
    void the_shared_reader_refuses_a_line_the_chaincode_would_refuse() {
        String line = lines().get(0);
        String code = members.get(0).creditCode();
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertThatThrownBy(() -> read(line.replace(code, code.substring(0, 17) + wrong)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("creditCode");
        assertThatThrownBy(() -> read(line.replaceFirst("\\{", "{\"issuer\":\"x\",")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("issuer");
    }

    @Test
    void every_role_that_needs_a_licence_has_one_valid_today_and_next_year() {
        LocalDate today = LocalDate.now();
        for (MemberRequest member : members) {
            for (Role role : member.roles()) {
                if (role.licenceTypes().isEmpty()) {
                    continue;
                }
                assertThat(member.licences()).as(member.msp() + " as " + role)
                        .filteredOn(licence -> role.licenceTypes().contains(licence.type()))
                        .anySatisfy(licence -> {
                            assertThat(licence.validOn(today)).isTrue();
                            assertThat(licence.validOn(today.plusYears(1))).isTrue();
                        });
            }
        }
    }

    private static MemberRequest read(final String line) {
        return Requests.read(line, MemberRequest.class, false).body();
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(NetworkFiles.CONFIG.resolve("members.jsonl"));
        } catch (IOException e) {
            throw new AssertionError("config/members.jsonl cannot be read", e);
        }
    }

    private static List<MemberRequest> members() {
        List<MemberRequest> requests = new ArrayList<>();
        for (String line : lines()) {
            requests.add(read(line));
        }
        return requests;
    }
}
