// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Objects;

/**
 * One chaincode event as committed on the ledger.
 *
 * @param blockNumber the block of the transaction
 * @param transactionId the transaction that emitted it
 * @param eventName the chaincode event name
 * @param payload the event payload (JSON)
 */
public record LedgerEvent(long blockNumber, String transactionId, String eventName, byte[] payload) {

    /** Checks the parts. */
    public LedgerEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(payload, "payload");
    }
}
