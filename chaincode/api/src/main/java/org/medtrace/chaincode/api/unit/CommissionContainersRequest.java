// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.unit;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.ContainerType;

/** The request of {@code unit:commissionContainers}. */
public record CommissionContainersRequest(ContainerType containerType, List<String> codes) {
    /** Validates and normalises every field. */
    public CommissionContainersRequest {
        Check.required("containerType", containerType);
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
