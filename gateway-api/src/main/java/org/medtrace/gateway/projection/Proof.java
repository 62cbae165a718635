// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import java.util.Objects;

/**
 * Where a fact is on the ledger: the transaction that wrote it and its block. A client can re-check it with the
 * ledger's own event ({@code GET /api/v1/ledger/events/{eventId}}) or the block.
 *
 * @param txId the ledger transaction id
 * @param blockNumber its block
 */
public record Proof(String txId, long blockNumber) {

    /** Checks the parts. */
    public Proof {
        Objects.requireNonNull(txId, "txId");
    }
}
