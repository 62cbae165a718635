// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import java.util.Objects;
import org.medtrace.gateway.ledger.LedgerIdentity;

/**
 * An authenticated REST caller and the ledger identity it acts as.
 *
 * @param clientId the REST client id
 * @param identity the ledger identity's name
 * @param mspId the organisation
 * @param role the role attribute of the identity
 */
public record Caller(String clientId, String identity, String mspId, String role) {

    /** Checks the parts. */
    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(role, "role");
    }

    /**
     * @param clientId the REST client id
     * @param identity the ledger identity the client acts as
     * @return the caller acting as that identity, with its organisation and role
     */
    public static Caller actingAs(final String clientId, final LedgerIdentity identity) {
        return new Caller(clientId, identity.name(), identity.mspId(), identity.role());
    }
}
