// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;

/**
 * A hold (quarantine) on a unit or a batch.
 *
 * @param holdId the hold's id ("hold" record)
 * @param reason why
 * @param placedBy MSP id
 * @param placedAt transaction timestamp
 */
public record HoldEntry(String holdId, String reason, String placedBy, Instant placedAt) {
}
