// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a product is: a vaccine, a 中药材 (herbal_raw) or a 中药饮片 (herbal_slice). */
public enum ProductKind implements WireEnum {
    VACCINE("vaccine"),
    HERBAL_RAW("herbal_raw"),
    HERBAL_SLICE("herbal_slice");

    private final String wire;

    ProductKind(final String wire) {
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
