// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import org.medtrace.chaincode.core.Check;

/** The request of {@code custody:cancelShipment}. */
record CancelShipmentRequest(String shipmentId, String reason) {
    CancelShipmentRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        reason = Check.text("reason", reason);
    }
}
