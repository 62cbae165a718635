// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A signing identity of the ledger: an X.509 certificate (with the fabric-ca {@code role} attribute) and its key.
 *
 * @param name the configuration name of the identity
 * @param mspId the organisation's MSP id
 * @param role the role attribute
 * @param certificate PEM certificate file
 * @param privateKey PEM PKCS#8 private key file
 */
public record LedgerIdentity(String name, String mspId, String role, Path certificate, Path privateKey) {

    /** Checks that every part is present. */
    public LedgerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
