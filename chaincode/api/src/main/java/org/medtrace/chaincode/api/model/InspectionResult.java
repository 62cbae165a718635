// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of an inspection. */
public enum InspectionResult implements WireEnum {
    CONFORMANT("conformant"),
    NON_CONFORMANT("non_conformant");

    private final String wire;

    InspectionResult(final String wire) {
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
