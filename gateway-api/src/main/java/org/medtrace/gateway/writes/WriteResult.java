// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.writes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to every ledger write: its proof and the chaincode's response.
 *
 * @param txId the ledger transaction id (of the original transaction, when replayed)
 * @param blockNumber the block it was committed in (of this call's transaction)
 * @param replayed true if the Idempotency-Key was seen before and the stored response is returned
 * @param eventIds the ledger event ids the transaction wrote
 * @param projected true if the read model already reflects the write when this answer is sent
 * @param result the chaincode's response
 */
public record WriteResult(String txId, long blockNumber, boolean replayed, List<String> eventIds, boolean projected,
        JsonNode result) {
}
