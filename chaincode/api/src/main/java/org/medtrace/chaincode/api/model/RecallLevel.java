// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Recall levels of the 药品召回管理办法: I may cause serious harm, II temporary harm, III generally none. */
public enum RecallLevel implements WireEnum {
    I("I"),
    II("II"),
    III("III");

    private final String wire;

    RecallLevel(final String wire) {
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
