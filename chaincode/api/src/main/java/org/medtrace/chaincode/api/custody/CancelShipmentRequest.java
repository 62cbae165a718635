// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.custody;

import org.medtrace.chaincode.api.Check;

/**
 * The request of {@code custody:cancelShipment}.
 *
 * @param shipmentId the shipment its sender cancels
 * @param reason why it did not happen
 */
public record CancelShipmentRequest(String shipmentId, String reason) {
    /** Validates and normalises every field. */
    public CancelShipmentRequest {
        shipmentId = Check.reference("shipmentId", shipmentId);
        reason = Check.text("reason", reason);
    }
}
