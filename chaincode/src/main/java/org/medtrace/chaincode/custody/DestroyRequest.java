// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code custody:destroy}. */
record DestroyRequest(List<String> codes, String reason, String method) {
    DestroyRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        reason = Check.text("reason", reason);
        method = Check.optionalText("method", method);
    }
}
