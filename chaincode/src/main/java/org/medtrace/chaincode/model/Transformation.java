// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.List;
import org.medtrace.chaincode.api.model.Quantity;

/**
 * A herbal processing run (炮制): 中药材 quantities in, 中药饮片 batches out, under key
 * {@code ("transformation", id)}.
 *
 * @param id reference id (the 炮制 batch record)
 * @param processingMethod 炮制方法
 * @param inputs the input units and how much of each was used
 * @param outputs the output batches and their quantities
 * @param by MSP id
 * @param at transaction timestamp
 */
public record Transformation(String id, String processingMethod, List<Input> inputs, List<SourceLot> outputs,
        String by, Instant at) {

    /**
     * One input.
     *
     * @param code the input unit
     * @param batchId its batch
     * @param quantity how much was used
     */
    public record Input(String code, String batchId, Quantity quantity) {
    }
}
