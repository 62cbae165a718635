// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
     * @return PEM CA certificates of the organisations this network itself issues identities for, by MSP id (the
     *     dev peer's CAs in embedded mode); empty where the CAs are someone else's
     */
    default Map<String, Path> organizationCaCertificates() {
        return Map.of();
    }

    /**
     * @return the ledger's height when this network can tell it without a ledger call (the dev peer in this JVM);
     *     empty where the peer must be asked
     */
    default OptionalLong blockHeight() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
