// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Logistic containers; a container goes into a container of a higher rank only. */
public enum ContainerType implements WireEnum {
    CASE("case"),
    PALLET("pallet"),
    TOTE("tote"),
    COLD_BOX("cold_box");

    private final String wire;

    ContainerType(final String wire) {
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
