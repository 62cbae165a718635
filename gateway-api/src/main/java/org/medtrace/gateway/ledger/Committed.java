// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Objects;

/**
 * A transaction the ledger committed as valid.
 *
 * @param transactionId the ledger transaction id
 * @param blockNumber the block it was committed in
 * @param result the chaincode's response bytes (JSON)
 */
public record Committed(String transactionId, long blockNumber, byte[] result) {

    /** Checks the parts. */
    public Committed {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(result, "result");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber < 0: " + blockNumber);
        }
    }
}
