// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the ledger is and which identities sign for the gateway: a real Fabric network described by configuration,
 * or the embedded dev peer started in this JVM. Everything after this point is the same code for both.
 */
public interface LedgerNetwork extends AutoCloseable {

    /** @return the gateway peer's endpoint. */
    LedgerEndpoint endpoint();

    /** @return the signing identities. */
    List<LedgerIdentity> identities();

    /**
     * @return PEM CA certificates of the organisations this network itself issues identities for (the dev peer's
     *     CAs in embedded mode); empty where the CAs are someone else's
     */
    default List<Path> organizationCaCertificates() {
        return List.of();
    }

    @Override
    void close();
}
