// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:return}. */
public record ReturnRequest(String shipmentId, List<String> codes, String to, String reason) {
    /** Validates and normalises every field. */
    public ReturnRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        to = Check.msp("to", to);
        reason = Check.text("reason", reason);
    }
}
