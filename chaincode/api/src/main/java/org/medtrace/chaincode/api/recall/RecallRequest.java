// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.recall;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.RecallLevel;

/** The request of {@code recall:create}. */
public record RecallRequest(String recallId, List<String> batchIds, RecallLevel level, String reason) {
    /** Validates and normalises every field. */
    public RecallRequest {
        recallId = Check.reference("recallId", recallId);
        batchIds = Check.identifiers("batchIds", batchIds, 1, Limits.RECALL_BATCHES_MAX);
        Check.required("level", level);
        reason = Check.text("reason", reason);
    }
}
