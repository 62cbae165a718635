// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

/**
 * An enum whose JSON form is a fixed lower-case word (its {@link #wire()} value), as the contract documents it.
 * Implementations put {@code @JsonValue} on {@code wire()}.
 */
public interface WireEnum {
    /** @return the JSON form */
    String wire();
}
