// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:destroy}. */
public record DestroyRequest(List<String> codes, String reason, String method) {
    /** Validates and normalises every field. */
    public DestroyRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        reason = Check.text("reason", reason);
        method = Check.optionalText("method", method);
    }
}
