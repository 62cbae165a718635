// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Objects;

/**
 * A transaction's place on the ledger: its block and its id. Within a block, transactions are ordered; the
 * projection's checkpoint is such a position.
 *
 * @param blockNumber the block
 * @param transactionId the transaction in it
 */
public record LedgerPosition(long blockNumber, String transactionId) {

    /** Checks the parts. */
    public LedgerPosition {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber must not be negative: " + blockNumber);
        }
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
