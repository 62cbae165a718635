// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.query;

import org.medtrace.chaincode.api.Check;

/**
 * The request of the reads that fetch one record by identifier ({@code product:get}, {@code batch:get},
 * {@code unit:get}, {@code telemetry:getLogger}).
 *
 * @param id the identifier
 */
public record IdRequest(String id) {
    /** Validates and normalises the identifier. */
    public IdRequest {
        id = Check.identifier("id", id);
    }
}
