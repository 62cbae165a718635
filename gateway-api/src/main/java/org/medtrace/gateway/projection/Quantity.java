// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A quantity with its unit of measure (UN/CEFACT code).
 *
 * @param value the amount, or null
 * @param uom the unit, or null
 */
record Quantity(BigDecimal value, String uom) {

    static final Quantity NONE = new Quantity(null, null);

    /** A {@code {value, uom}} object. */
    static Optional<Quantity> ofObject(final JsonNode quantity) {
        return quantity.path("value").isNumber() ? Optional.of(new Quantity(quantity.path("value").decimalValue(),
                EpcisEvent.textOf(quantity, "uom").orElse(null))) : Optional.empty();
    }

    /** The first entry of an EPCIS quantityList. */
    static Optional<Quantity> of(final JsonNode quantityList) {
        for (final JsonNode q : quantityList) {
            if (q.path("quantity").isNumber()) {
                return Optional.of(new Quantity(q.path("quantity").decimalValue(),
                        EpcisEvent.textOf(q, "uom").orElse(null)));
            }
        }
        return Optional.empty();
    }
}
