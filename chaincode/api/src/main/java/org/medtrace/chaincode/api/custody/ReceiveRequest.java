// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import java.util.List;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;

/** The request of {@code custody:receive}; no codes means everything not yet received. */
public record ReceiveRequest(String shipmentId, List<String> codes) {
    /** Validates and normalises every field. */
    public ReceiveRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        codes = Check.optionalIdentifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
