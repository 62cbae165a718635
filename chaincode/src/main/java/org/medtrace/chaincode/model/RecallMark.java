// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import org.medtrace.chaincode.api.model.RecallLevel;

/**
 * The recall a batch is under.
 *
 * @param recallId the recall
 * @param level I, II or III
 * @param recalledAt transaction timestamp of the recall
 */
public record RecallMark(String recallId, RecallLevel level, Instant recalledAt) {
}
