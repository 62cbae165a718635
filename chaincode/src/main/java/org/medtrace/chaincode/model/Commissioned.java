// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import org.medtrace.chaincode.api.model.Quantity;

/**
 * What is commissioned of a batch at one package level: the codes bound to its goods, and for lot-based goods their
 * quantities summed. Commissioning adds, decommissioning takes away (the code no longer names goods of the batch).
 *
 * @param packageLevel the product's package level
 * @param count codes commissioned at that level and not decommissioned
 * @param quantity the sum of their quantities (lot-based goods), or null
 */
public record Commissioned(Integer packageLevel, Integer count, Quantity quantity) {
}
