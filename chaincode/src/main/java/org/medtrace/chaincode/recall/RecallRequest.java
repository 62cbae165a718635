// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.recall;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;
import org.medtrace.chaincode.model.RecallLevel;

/** The request of {@code recall:create}. */
record RecallRequest(String recallId, List<String> batchIds, RecallLevel level, String reason) {
    RecallRequest {
        recallId = Check.reference("recallId", recallId);
        batchIds = Check.identifiers("batchIds", batchIds, 1, Limits.RECALL_BATCHES_MAX);
        Check.required("level", level);
        reason = Check.text("reason", reason);
    }
}
