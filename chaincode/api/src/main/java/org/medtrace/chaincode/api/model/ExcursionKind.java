// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a cold-chain excursion went: above the band, below it, or missing readings. */
public enum ExcursionKind implements WireEnum {
    HIGH("high"),
    LOW("low"),
    GAP("gap");

    private final String wire;

    ExcursionKind(final String wire) {
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
