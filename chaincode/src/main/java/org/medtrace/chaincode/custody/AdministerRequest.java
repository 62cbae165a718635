// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code custody:administer}; the vaccinee comes in transient data. */
record AdministerRequest(List<String> codes) {
    AdministerRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
