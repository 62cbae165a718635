// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import java.time.Instant;

/**
 * Where the projection stands.
 *
 * @param blockNumber the block the projection has reached (its last projected transaction's block)
 * @param lastTxId the last projected transaction
 * @param eventsProjected events projected since block 0
 * @param connected true while the event stream is open
 * @param rebuilding true while a rebuild from block 0 runs
 * @param rebuildTargetBlock the block the rebuild must reach to have caught up with the projection it replaced
 * @param rebuildProgress 0..1 while rebuilding, 1 otherwise
 * @param updatedAt when the checkpoint last moved
 */
public record ProjectionStatus(long blockNumber, String lastTxId, long eventsProjected, boolean connected,
        boolean rebuilding, Long rebuildTargetBlock, double rebuildProgress, Instant updatedAt) {
}
