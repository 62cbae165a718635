// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * A live packing edge, under key {@code ("aggregation", parent, child)}; unpacking deletes it.
 *
 * @param parent the parent code
 * @param child the child code
 * @param packedAt event time of packing
 * @param eventId the packing event
 */
public record AggregationEdge(String parent, String child, Instant packedAt, String eventId) {
}
