// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.Objects;
import org.medtrace.identifiers.Identifier;

/**
 * A reference to one value of a handle, as in HS_VLIST members and value references: {@code {"handle":..,"index":..}}.
 *
 * @param handle the handle
 * @param index the value index; 0 refers to the handle as a whole
 */
public record ValueReference(Identifier handle, int index) {
    /** @throws IllegalArgumentException if {@code index} is negative */
    public ValueReference {
        Objects.requireNonNull(handle, "handle");
        if (index < 0) {
            throw new IllegalArgumentException("value index must not be negative, got " + index);
        }
    }
}
