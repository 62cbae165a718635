// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.custody;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.medtrace.gateway.web.Common;

/** The body of {@code POST /api/v1/shipments/{id}/cancel} and the {@code custody:cancelShipment} request it becomes. */
public final class CancelShipmentRequests {

    private CancelShipmentRequests() {
    }

    /**
     * What the sender says when it cancels a shipment (the shipment is named in the path).
     *
     * @param reason why the shipment did not happen
     * @param eventTime when it was cancelled
     * @param bizLocation where the goods are afterwards
     */
    public record Body(@NotBlank @Size(max = Common.TEXT_MAX) String reason, Instant eventTime,
            @Size(max = 255) String bizLocation) {

        /** @param shipmentId the shipment named in the path @return the chaincode request */
        Cancel forShipment(final String shipmentId) {
            return new Cancel(shipmentId, reason, eventTime, bizLocation);
        }
    }

    /**
     * {@code custody:cancelShipment}.
     *
     * @param shipmentId the shipment
     * @param reason why
     * @param eventTime when
     * @param bizLocation where the goods are afterwards
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancel(String shipmentId, String reason, Instant eventTime, String bizLocation) {
    }
}
