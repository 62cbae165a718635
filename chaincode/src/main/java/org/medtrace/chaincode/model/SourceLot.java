// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import org.medtrace.chaincode.api.model.Quantity;

/**
 * An input lot of a transformation, recorded on the output batch.
 *
 * @param batchId the input batch
 * @param quantity how much of it went in
 */
public record SourceLot(String batchId, Quantity quantity) {
}
