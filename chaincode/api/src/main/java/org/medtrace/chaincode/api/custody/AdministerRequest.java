// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:administer}; the vaccinee comes in transient data. */
public record AdministerRequest(List<String> codes) {
    public AdministerRequest {
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
