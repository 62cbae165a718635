// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether an organisation may act in a role on a date: the one rule the chaincode applies to every transaction and
 * the gateway to its own pre-checks.
 *
 * <pre>{@code
 * String refusal = Grants.refusal(member, "ShenDistMSP", Role.DISTRIBUTOR, LocalDate.of(2026, 11, 23));
 * if (refusal != null) { ... ACCESS_DENIED with refusal as the message ... }
 * }</pre>
 */
public final class Grants {
    private Grants() {
    }

    /**
     * @param member the organisation's registry entry, or null if it has none
     * @param msp the organisation's MSP id (named in the message)
     * @param role the role it acts in
     * @param date the transaction's date, on which a licence the role needs must be valid
     * @return null if it may act in the role; otherwise the refusal naming the missing grant
     */
    public static String refusal(final Member member, final String msp, final Role role, final LocalDate date) {
        if (member == null) {
            return msp + " is not a member of the consortium (no entry in the member registry)";
        }
        if (!member.grants(role)) {
            return "the consortium has not granted role '" + role + "' to " + msp + " (granted: "
                    + (member.roles().isEmpty() ? "none"
                            : member.roles().stream().map(Role::wire).collect(Collectors.joining(", "))) + ")";
        }
        if (role.licenceTypes().isEmpty()) {
            return null;
        }
        List<Licence> fitting = member.licences().stream().filter(l -> role.licenceTypes().contains(l.type()))
                .toList();
        if (fitting.stream().anyMatch(l -> l.validOn(date))) {
            return null;
        }
        String needed = role.licenceTypes().stream().map(LicenceType::wire).sorted()
                .collect(Collectors.joining(" or "));
        if (fitting.isEmpty()) {
            return "role '" + role + "' of " + msp + " needs a valid " + needed + " licence; the registry holds none";
        }
        Licence next = fitting.stream().filter(l -> l.validFrom().isAfter(date))
                .min(Comparator.comparing(Licence::validFrom)).orElse(null);
        if (next != null) {
            return "role '" + role + "' of " + msp + " needs a valid " + needed + " licence; licence " + next.type()
                    + " " + next.number() + " is not valid before " + next.validFrom() + " (transaction date "
                    + date + ")";
        }
        Licence last = fitting.stream().max(Comparator.comparing(Licence::validUntil)).orElseThrow();
        return "role '" + role + "' of " + msp + " needs a valid " + needed + " licence; licence " + last.type()
                + " " + last.number() + " was valid until " + last.validUntil() + " (transaction date " + date + ")";
    }
}
