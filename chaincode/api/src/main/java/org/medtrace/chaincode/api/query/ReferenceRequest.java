// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.query;

import org.medtrace.chaincode.api.Check;

/**
 * The request of the reads that fetch one record by reference id ({@code shipment:get}, {@code recall:get}).
 *
 * @param id the reference id
 */
public record ReferenceRequest(String id) {
    /** Validates the reference id. */
    public ReferenceRequest {
        id = Check.reference("id", id);
    }
}
