// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.medtrace.chaincode.api.model.WireEnum;

/** A commissioned code names a unit of a product, or a logistic container. */
public enum UnitKind implements WireEnum {
    UNIT("unit"),
    CONTAINER("container");

    private final String wire;

    UnitKind(final String wire) {
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
