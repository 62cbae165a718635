// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.unit;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.Quantity;

/** The request of {@code unit:commission}. */
public record CommissionRequest(String batchId, Integer packageLevel, List<String> codes, Quantity quantity) {
    /** Validates and normalises every field. */
    public CommissionRequest {
        batchId = Check.identifier("batchId", batchId);
        packageLevel = Check.range("packageLevel", packageLevel, 1, Limits.PACKAGE_LEVELS_MAX);
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        quantity = Check.optionalPositiveQuantity("quantity", quantity);
    }
}
