// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.time.Instant;
import java.util.Objects;
import org.medtrace.identifiers.handle.HandleRecord;

/**
 * A resolved handle.
 *
 * @param record the record, with only the values the filter selected
 * @param node the endpoint that answered
 * @param fromCache true if served from the resolver's cache without a request
 * @param fetchedAt when the node answered
 */
public record Resolution(HandleRecord record, NodeEndpoint node, boolean fromCache, Instant fetchedAt) {
    /** @throws NullPointerException if an argument is null */
    public Resolution {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
