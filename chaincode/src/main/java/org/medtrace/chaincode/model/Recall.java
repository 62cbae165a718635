// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.List;
import org.medtrace.chaincode.api.model.RecallLevel;

/**
 * A recall of one or more batches, under key {@code ("recall", id)}.
 *
 * @param id reference id
 * @param level I, II or III
 * @param batchIds the batches recalled
 * @param reason why
 * @param createdBy MSP id
 * @param createdAt transaction timestamp
 */
public record Recall(String id, RecallLevel level, List<String> batchIds, String reason, String createdBy,
        Instant createdAt) {
}
