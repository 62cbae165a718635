// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Iterator;

/** A live stream of chaincode events in ledger order; blocks waiting for new ones; close to stop. */
public interface LedgerEventStream extends Iterator<LedgerEvent>, AutoCloseable {

    @Override
    void close();
}
