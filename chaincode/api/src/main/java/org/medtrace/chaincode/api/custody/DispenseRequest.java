// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.Quantity;

/** The request of {@code custody:dispense}; a quantity dispenses part of one lot-based unit. */
public record DispenseRequest(List<String> codes, Quantity quantity) {
    /** Validates and normalises every field. */
    public DispenseRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        quantity = Check.optionalPositiveQuantity("quantity", quantity);
        if (quantity != null && codes.size() != 1) {
            throw Check.invalid("quantity", "is allowed with exactly one code, got " + codes.size());
        }
    }
}
