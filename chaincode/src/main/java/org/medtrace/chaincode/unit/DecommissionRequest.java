// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code unit:decommission}. */
record DecommissionRequest(List<String> codes, String reason) {
    DecommissionRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        reason = Check.text("reason", reason);
    }
}
