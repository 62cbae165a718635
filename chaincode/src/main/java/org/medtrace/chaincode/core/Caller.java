// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.membership.Role;

/**
 * Who calls: the organisation (MSP id) and role from the caller's X.509 certificate.
 *
 * @param msp MSP id
 * @param role role attribute
 * @param id the identity's subject and issuer ({@code x509::...})
 */
public record Caller(String msp, Role role, String id) {
    /** The certificate attribute that carries the role (fabric-ca attribute extension). */
    public static final String ROLE_ATTRIBUTE = "role";

    /**
     * @param identity the client identity the shim parsed from the creator certificate
     * @return the caller
     * @throws Refusal ACCESS_DENIED if the certificate has no known role
     */
    static Caller of(final ClientIdentity identity) {
        String value = identity.getAttributeValue(ROLE_ATTRIBUTE);
        Role role = Role.fromWire(value);
        if (role == null) {
            String roles = Arrays.stream(Role.values()).map(Role::wire).collect(Collectors.joining(", "));
            throw Refusal.of(ErrorCode.ACCESS_DENIED, value == null
                    ? "identity " + identity.getMSPID() + " has no '" + ROLE_ATTRIBUTE + "' attribute; one of "
                            + roles + " is required"
                    : "identity " + identity.getMSPID() + " has role '" + value + "'; one of " + roles
                            + " is required");
        }
        return new Caller(identity.getMSPID(), role, identity.getId());
    }

    /** @return whether the caller has one of the roles */
    public boolean hasRole(final Role... roles) {
        for (Role candidate : roles) {
            if (candidate == role) {
                return true;
            }
        }
        return false;
    }
}
