// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code custody:store}. */
record StoreRequest(List<String> codes, String location) {
    StoreRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
        location = Check.optionalLocation("location", Check.required("location", location));
    }
}
