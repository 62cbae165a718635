// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

/**
 * A CDI event, fired asynchronously after the projection committed a ledger transaction to the read model, for
 * followers of the read model (the identifier registration) that must never delay or fail the projection.
 *
 * @param blockNumber the transaction's block
 * @param txId the transaction id
 * @param eventsProjected how many of its events were newly projected
 */
public record TransactionProjected(long blockNumber, String txId, int eventsProjected) {
}
