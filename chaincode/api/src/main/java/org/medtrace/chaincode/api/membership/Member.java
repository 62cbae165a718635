// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.membership;

import java.time.Instant;
import java.util.List;

/**
 * A member organisation's registry entry as the ledger stores it under {@code ("member", msp)}, as
 * {@code member:get} returns it and as a member event's {@code ilmd.member} carries it.
 *
 * @param msp the MSP id (the key)
 * @param legalName the legal name
 * @param creditCode the 统一社会信用代码
 * @param licences the licences and designations
 * @param roles the roles the consortium grants; empty while suspended
 * @param registeredAt when the entry was first written
 * @param updatedAt when it was last written
 * @param updatedBy who last wrote it: the caller's identity ({@code x509::subject::issuer})
 * @param updatedByMsp the MSP of who last wrote it (the consortium authority)
 * @param reason why it was last written
 * @param version 1 when registered, one more on each update
 */
public record Member(String msp, String legalName, String creditCode, List<Licence> licences, List<Role> roles,
        Instant registeredAt, Instant updatedAt, String updatedBy, String updatedByMsp, String reason,
        long version) {
    /** Copies the lists. */
    public Member {
        licences = licences == null ? List.of() : List.copyOf(licences);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** @return whether the consortium grants the role */
    public boolean grants(final Role role) {
        return roles.contains(role);
    }
}
