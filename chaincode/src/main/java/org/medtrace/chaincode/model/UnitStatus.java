// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** Where a unit or container is in its life; custody holds and recalls are kept apart from it. */
public enum UnitStatus implements WireEnum {
    ACTIVE("active"),
    IN_TRANSIT("in_transit"),
    DISPENSED("dispensed"),
    DESTROYED("destroyed"),
    DECOMMISSIONED("decommissioned"),
    CONSUMED("consumed");

    private final String wire;

    UnitStatus(final String wire) {
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
