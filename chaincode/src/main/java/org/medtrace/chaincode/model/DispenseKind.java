// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** How a unit left the supply chain at the point of use. */
public enum DispenseKind implements WireEnum {
    DISPENSING("dispensing"),
    VACCINATION("vaccination");

    private final String wire;

    DispenseKind(final String wire) {
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
