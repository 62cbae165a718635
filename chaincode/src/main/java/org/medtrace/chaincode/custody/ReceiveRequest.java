// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.List;
import org.medtrace.chaincode.core.Check;
import org.medtrace.chaincode.core.Limits;

/** The request of {@code custody:receive}; no codes means everything not yet received. */
record ReceiveRequest(String shipmentId, List<String> codes) {
    ReceiveRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        codes = Check.optionalIdentifiers("codes", codes, 1, Limits.CODES_MAX);
    }
}
