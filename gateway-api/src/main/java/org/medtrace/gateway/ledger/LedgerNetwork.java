// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

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

    @Override
    void close();
}
