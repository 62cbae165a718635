// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.model;

import java.math.BigDecimal;

/**
 * An amount with its UN/ECE Rec 20 unit ({@code KGM}, {@code EA}).
 *
 * @param value the amount, normalised without trailing zeros
 * @param uom the unit code
 */
public record Quantity(BigDecimal value, String uom) {
    /** @return this amount minus {@code amount}, same unit, normalised */
    public Quantity minus(final BigDecimal amount) {
        return new Quantity(normal(value.subtract(amount)), uom);
    }

    /** @return this amount plus {@code amount}, same unit, normalised */
    public Quantity plus(final BigDecimal amount) {
        return new Quantity(normal(value.add(amount)), uom);
    }

    /**
     * @return the amount without trailing zeros and never in exponent form (1E+1 becomes 10), so that equal amounts
     *     encode to equal bytes
     */
    public static BigDecimal normal(final BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
