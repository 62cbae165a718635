// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;
import org.medtrace.chaincode.model.ContainerType;

/** The request of {@code unit:commissionContainers}. */
record CommissionContainersRequest(ContainerType containerType, List<String> codes) {
    CommissionContainersRequest {
        Check.required("containerType", containerType);
        codes = Check.identifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
