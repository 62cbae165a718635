// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.InspectionResult;

/** The request of {@code custody:inspect}. */
public record InspectRequest(List<String> codes, InspectionResult result, String note) {
    /** Validates and normalises every field. */
    public InspectRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        Check.required("result", result);
        note = Check.optionalText("note", note);
    }
}
