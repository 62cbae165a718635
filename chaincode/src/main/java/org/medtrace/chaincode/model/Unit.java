// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medtrace.chaincode.api.model.ContainerType;
import org.medtrace.chaincode.api.model.Quantity;

/**
 * A commissioned code: a unit of a batch, or a logistic container, under key {@code ("unit", id)}.
 *
 * @param id identifier
 * @param kind unit or container
 * @param productId the product (units)
 * @param batchId the batch (units)
 * @param packageLevel the product's package level (units)
 * @param containerType case, pallet, tote or cold_box (containers)
 * @param quantity remaining quantity, for lot-based (herbal) goods
 * @param status life-cycle status
 * @param custodian MSP id of the organisation that holds the goods
 * @param location where the goods are (identifier or URI)
 * @param shipmentId the open shipment, while in transit
 * @param pendingReceiver MSP id of the receiver, while in transit
 * @param holds active holds
 * @param returned whether the goods travelled back on a return shipment
 * @param dispense how it was dispensed or administered
 * @param commissionedAt transaction timestamp of commissioning
 * @param lastEventId the last event that changed this record
 * @param lastEventTime the event time of the last event that touched this code: no later event may precede it
 * @param updatedAt transaction timestamp of the last change
 */
public record Unit(String id, UnitKind kind, String productId, String batchId, Integer packageLevel,
        ContainerType containerType, Quantity quantity, UnitStatus status, String custodian, String location,
        String shipmentId, String pendingReceiver, List<HoldEntry> holds, Boolean returned, Dispense dispense,
        Instant commissionedAt, String lastEventId, Instant lastEventTime, Instant updatedAt) {

    /** @return a builder holding this record's values, to derive a changed copy */
    public Builder change() {
        return new Builder(this);
    }

    /** Derives a changed copy of a unit; every change names the event that made it. */
    public static final class Builder {
        private final Unit base;
        private Quantity quantity;
        private UnitStatus status;
        private String custodian;
        private String location;
        private String shipmentId;
        private String pendingReceiver;
        private List<HoldEntry> holds;
        private Boolean returned;
        private Dispense dispense;

        private Builder(final Unit base) {
            this.base = base;
            this.quantity = base.quantity;
            this.status = base.status;
            this.custodian = base.custodian;
            this.location = base.location;
            this.shipmentId = base.shipmentId;
            this.pendingReceiver = base.pendingReceiver;
            this.holds = base.holds;
            this.returned = base.returned;
            this.dispense = base.dispense;
        }

        /** @return this, with the remaining quantity */
        public Builder quantity(final Quantity value) {
            this.quantity = value;
            return this;
        }

        /** @return this, with the status */
        public Builder status(final UnitStatus value) {
            this.status = value;
            return this;
        }

        /** @return this, with the custodian */
        public Builder custodian(final String value) {
            this.custodian = value;
            return this;
        }

        /** @return this, with the location (null keeps the current one) */
        public Builder location(final String value) {
            if (value != null) {
                this.location = value;
            }
            return this;
        }

        /** @return this, in transit on the shipment to the receiver, or out of transit when both are null */
        public Builder transit(final String shipment, final String receiver) {
            this.shipmentId = shipment;
            this.pendingReceiver = receiver;
            return this;
        }

        /** @return this, with one more hold */
        public Builder addHold(final HoldEntry hold) {
            List<HoldEntry> more = new ArrayList<>(holds);
            more.add(hold);
            this.holds = List.copyOf(more);
            return this;
        }

        /** @return this, without the hold */
        public Builder removeHold(final String holdId) {
            this.holds = holds.stream().filter(h -> !h.holdId().equals(holdId)).toList();
            return this;
        }

        /** @return this, marked as returned */
        public Builder returned(final boolean value) {
            this.returned = value;
            return this;
        }

        /** @return this, with the dispensing record */
        public Builder dispense(final Dispense value) {
            this.dispense = value;
            return this;
        }

        /**
         * @param eventId the event that made the change
         * @param eventTime when that event happened (its eventTime)
         * @param at the transaction timestamp
         * @return the changed unit
         */
        public Unit build(final String eventId, final Instant eventTime, final Instant at) {
            return new Unit(base.id, base.kind, base.productId, base.batchId, base.packageLevel, base.containerType,
                    quantity, status, custodian, location, shipmentId, pendingReceiver, holds, returned, dispense,
                    base.commissionedAt, eventId, eventTime, at);
        }
    }
}
