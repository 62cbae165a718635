// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * This project's extension of an event: who did it, in which ledger transaction, on which classes.
 *
 * @param transaction the chaincode transaction, e.g. {@code custody:ship}
 * @param txId the ledger transaction id (left out of the event id)
 * @param actorMsp MSP id of the caller
 * @param actorRole role of the caller
 * @param clientEventId the request's idempotency key
 * @param productIds products of the goods involved, sorted
 * @param batchIds batches of the goods involved, sorted
 * @param shipmentId shipment, if any
 * @param recallId recall, if any
 * @param holdId hold, if any
 * @param reason reason given, if any
 * @param details transaction-specific details
 */
public record Medtrace(String transaction, String txId, String actorMsp, String actorRole, String clientEventId,
        List<String> productIds, List<String> batchIds, String shipmentId, String recallId, String holdId,
        String reason, JsonNode details) {

    /** @return a copy without the transaction id, for hashing */
    Medtrace withoutTxId() {
        return new Medtrace(transaction, null, actorMsp, actorRole, clientEventId, productIds, batchIds, shipmentId,
                recallId, holdId, reason, details);
    }
}
