// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** A hold is active until released. */
public enum HoldStatus implements WireEnum {
    ACTIVE("active"),
    RELEASED("released");

    private final String wire;

    HoldStatus(final String wire) {
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
