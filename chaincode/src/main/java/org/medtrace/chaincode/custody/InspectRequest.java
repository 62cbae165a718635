// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;
import org.medtrace.chaincode.model.InspectionResult;

/** The request of {@code custody:inspect}. */
record InspectRequest(List<String> codes, InspectionResult result, String note) {
    InspectRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        Check.required("result", result);
        note = Check.optionalText("note", note);
    }
}
