// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medtrace.chaincode.api.model.BizTransaction;

/**
 * A shipment (or return) from one organisation to another, under key {@code ("shipment", id)}.
 *
 * @param id reference id
 * @param from MSP id of the sender
 * @param to MSP id of the receiver
 * @param codes the top-level codes shipped
 * @param shippedAt event time of shipping
 * @param status in_transit, partially_received or received
 * @param coldChainRequired whether receipt needs a temperature record of the trip
 * @param loggers loggers associated with the goods during the trip
 * @param returnShipment whether this is a return
 * @param receivedCodes the codes received so far
 * @param destination where the goods go (identifier or URI)
 * @param bizTransactions business documents
 * @param reason why the goods are returned (returns)
 * @param receivedAt event time of the last receipt
 * @param cancelledCodes the codes the sender took back when it cancelled the shipment
 * @param cancelReason why the sender cancelled it
 * @param cancelledAt event time of the cancellation
 */
public record Shipment(String id, String from, String to, List<String> codes, Instant shippedAt,
        ShipmentStatus status, Boolean coldChainRequired, List<String> loggers, Boolean returnShipment,
        List<String> receivedCodes, String destination, List<BizTransaction> bizTransactions, String reason,
        Instant receivedAt, List<String> cancelledCodes, String cancelReason, Instant cancelledAt) {

    /** @return a copy that also records the logger */
    public Shipment withLogger(final String logger) {
        if (loggers.contains(logger)) {
            return this;
        }
        List<String> more = new ArrayList<>(loggers);
        more.add(logger);
        return new Shipment(id, from, to, codes, shippedAt, status, coldChainRequired, List.copyOf(more),
                returnShipment, receivedCodes, destination, bizTransactions, reason, receivedAt, cancelledCodes,
                cancelReason, cancelledAt);
    }

    /** @return a copy with more codes received */
    public Shipment withReceived(final List<String> received, final Instant at) {
        List<String> all = new ArrayList<>(receivedCodes);
        all.addAll(received);
        ShipmentStatus next = all.size() == codes.size() ? ShipmentStatus.RECEIVED
                : ShipmentStatus.PARTIALLY_RECEIVED;
        return new Shipment(id, from, to, codes, shippedAt, next, coldChainRequired, loggers, returnShipment,
                List.copyOf(all), destination, bizTransactions, reason, at, cancelledCodes, cancelReason,
                cancelledAt);
    }

    /** @return a copy cancelled by its sender, who took back the codes still in transit */
    public Shipment cancelled(final List<String> taken, final String why, final Instant at) {
        return new Shipment(id, from, to, codes, shippedAt, ShipmentStatus.CANCELLED, coldChainRequired, loggers,
                returnShipment, receivedCodes, destination, bizTransactions, reason, receivedAt, List.copyOf(taken),
                why, at);
    }
}
