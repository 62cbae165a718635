// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Value types shared by the request bodies. */
public final class Common {

    /** Most codes (or children, targets) in one request, as the chaincode allows. */
    public static final int CODES_MAX = 10_000;

    /** Longest free text field. */
    public static final int TEXT_MAX = 512;

    /** A reference the caller names a ledger record by (shipment, hold, recall, transformation, excursion). */
    public static final String ID_PATTERN = "[A-Za-z0-9._:/-]{1,128}";

    /** An organisation's MSP id. */
    public static final String MSP_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Common() {
    }

    /**
     * A quantity with a UN/CEFACT unit of measure.
     *
     * @param value the amount, positive
     * @param uom unit code, e.g. KGM, EA
     */
    public record Quantity(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal value,
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,3}") String uom) {
    }

    /**
     * A business document reference (delivery note, purchase order).
     *
     * @param type e.g. desadv, po
     * @param id the document number
     */
    public record BizTransaction(@NotBlank @Size(max = 64) String type, @NotBlank @Size(max = 255) String id) {
    }
}
