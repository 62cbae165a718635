// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** A shipment is in transit until its receiver has received every code, or its sender cancels it. */
public enum ShipmentStatus implements WireEnum {
    IN_TRANSIT("in_transit"),
    RECEIVED("received"),
    PARTIALLY_RECEIVED("partially_received"),
    /** Its sender cancelled it: what was still in transit returned to the sender (what was received stays). */
    CANCELLED("cancelled");

    private final String wire;

    ShipmentStatus(final String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
