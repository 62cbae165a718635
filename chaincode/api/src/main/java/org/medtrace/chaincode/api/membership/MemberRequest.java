// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/**
 * The request of {@code member:register} and {@code member:update}: the whole registry entry of one organisation
 * and why it changes. An update replaces the entry; empty {@code roles} suspends the member.
 *
 * @param msp the member's MSP id (the registry key)
 * @param legalName the organisation's legal name as registered
 * @param creditCode its 统一社会信用代码 (GB 32100-2015, 18 characters with a check character)
 * @param licences its licences and designations, at most {@link #LICENCES_MAX}
 * @param roles the roles the consortium grants it, without repeats
 * @param reason why the entry is written (a decision's reference, in words)
 */
public record MemberRequest(String msp, String legalName, String creditCode, List<Licence> licences,
        List<Role> roles, String reason) {
    /** A member rarely holds more than a few licences; the bound keeps an entry small. */
    public static final int LICENCES_MAX = 16;
    /** The longest legal name accepted. */
    public static final int LEGAL_NAME_LENGTH_MAX = 200;

    /** Validates and normalises every field. */
    public MemberRequest {
        msp = Check.msp("msp", msp);
        legalName = Check.text("legalName", legalName, LEGAL_NAME_LENGTH_MAX);
        creditCode = Check.creditCode("creditCode", creditCode);
        licences = licences == null ? List.of() : Check.list("licences", licences, 0, LICENCES_MAX);
        roles = Check.list("roles", roles, 0, Role.values().length);
        Set<Role> seen = EnumSet.noneOf(Role.class);
        for (int i = 0; i < roles.size(); i++) {
            Role role = roles.get(i);
            if (!seen.add(role)) {
                throw Check.invalid("roles[" + i + "]", "'" + role + "' repeats");
            }
            if (!role.licenceTypes().isEmpty()
                    && licences.stream().noneMatch(l -> role.licenceTypes().contains(l.type()))) {
                throw Check.invalid("roles[" + i + "]", "'" + role + "' needs a licence of type "
                        + String.join(" or ", role.licenceTypes().stream().map(LicenceType::wire).sorted().toList()));
            }
        }
        reason = Check.text("reason", reason, Limits.TEXT_LENGTH_MAX);
    }
}
