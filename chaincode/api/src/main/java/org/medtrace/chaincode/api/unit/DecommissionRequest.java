// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.unit;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code unit:decommission}. */
public record DecommissionRequest(List<String> codes, String reason) {
    /** Validates and normalises every field. */
    public DecommissionRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        reason = Check.text("reason", reason);
    }
}
