// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import org.medtrace.chaincode.api.Check;

/** The request of {@code custody:release}. */
public record ReleaseRequest(String holdId) {
    /** Validates and normalises every field. */
    public ReleaseRequest {
        holdId = Check.reference("holdId", holdId);
    }
}
