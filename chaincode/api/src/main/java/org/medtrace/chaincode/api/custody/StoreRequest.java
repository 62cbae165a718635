// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:store}. */
public record StoreRequest(List<String> codes, String location) {
    /** Validates and normalises every field. */
    public StoreRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        location = Check.optionalLocation("location", Check.required("location", location));
    }
}
