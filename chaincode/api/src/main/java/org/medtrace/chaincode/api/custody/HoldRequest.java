// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:hold}: codes or batchIds, not both. */
public record HoldRequest(String holdId, List<String> codes, List<String> batchIds, String reason) {
    /** Validates and normalises every field. */
    public HoldRequest {
        holdId = Check.reference("holdId", holdId);
        codes = Check.optionalIdentifiers("codes", codes, 1, Limits.CODES_MAX);
        batchIds = Check.optionalIdentifiers("batchIds", batchIds, 1, Limits.RECALL_BATCHES_MAX);
        if ((codes == null) == (batchIds == null)) {
            throw Check.invalid(codes == null ? "codes" : "batchIds", "give either codes or batchIds");
        }
        reason = Check.text("reason", reason);
    }
}
