// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.policy;

import java.util.Objects;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;

/**
 * A signer as a policy sees it: a validated identity (its signature already verified), its organisation, and its
 * NodeOU role from the certificate's OU ({@code peer}, {@code client}, {@code admin}, {@code orderer}; MEMBER if it
 * has none of them). Two identities with the same {@code id} (the serialized identity) count once, as in Fabric.
 *
 * @param id what tells identities apart: the serialized identity bytes, or any unique name in tests
 * @param mspId the organisation
 * @param role the NodeOU role
 */
public record PolicyIdentity(Object id, String mspId, MSPRoleType role) {
    /** Validates the fields. @throws NullPointerException if one is null */
    public PolicyIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(role, "role");
    }

    /** True if this identity satisfies the principal {@code mspId.role} (MEMBER: any identity of the MSP). */
    boolean satisfies(final String principalMsp, final MSPRoleType principalRole) {
        return mspId.equals(principalMsp) && (principalRole == MSPRoleType.MEMBER || principalRole == role);
    }
}
