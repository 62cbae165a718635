// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.model;

import java.math.BigDecimal;

/**
 * An amount with its UN/ECE Rec 20 unit ({@code KGM}, {@code EA}).
 *
 * @param value the amount, normalised without trailing zeros
 * @param uom the unit code
 */
public record Quantity(BigDecimal value, String uom) {
    /** @return this amount minus {@code other}'s amount, same unit */
    public Quantity minus(final BigDecimal other) {
        BigDecimal rest = value.subtract(other).stripTrailingZeros();
        return new Quantity(rest.scale() < 0 ? rest.setScale(0) : rest, uom);
    }
}
