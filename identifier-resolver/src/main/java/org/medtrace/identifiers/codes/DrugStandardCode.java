// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;

/**
 * The 14-digit national drug standard code (国家药品编码本位码): {@code 86} (country) + {@code 9} (medicine) +
 * 5-digit company + 5-digit product + 1 GS1 mod-10 check digit.
 *
 * <p><b>Master data only.</b> It names a registered product, not a pack: it is not serialised, not a trace code and
 * not a GS1 key, although it has the shape of a GTIN-14. It has no identifier of its own; keep it as an attribute of
 * a product.
 *
 * <pre>{@code
 * DrugStandardCode code = DrugStandardCode.parse("86900001000018");
 * code.companyCode();   // "00001"
 * code.productCode();   // "00001"
 * }</pre>
 */
public final class DrugStandardCode {
    /** Digits of the code. */
    public static final int LENGTH = 14;
    /** The fixed start: country 86, medicine 9. */
    public static final String START = "869";

    private final String digits;

    private DrugStandardCode(final String digits) {
        this.digits = digits;
    }

    /**
     * @param digits the 14 digits
     * @return the code
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code drugStandardCode} or
     *     {@code drugStandardCode.checkDigit}) if the text is not 14 digits starting 869 with a valid check digit
     * @throws NullPointerException if {@code digits} is null
     */
    public static DrugStandardCode parse(final String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != LENGTH || !CodeErrors.isDigits(digits)) {
            throw CodeErrors.invalid(digits, "drugStandardCode", "drug standard code '" + CodeErrors.show(digits)
                    + "' must be exactly 14 digits");
        }
        if (!digits.startsWith(START)) {
            throw CodeErrors.invalid(digits, "drugStandardCode", "drug standard code " + digits
                    + " must start with 869 (86 = China, 9 = medicine)");
        }
        Gtin.checkDigit(digits, "drug standard code", "drugStandardCode.checkDigit");
        return new DrugStandardCode(digits);
    }

    /** @return the 14 digits */
    public String digits() {
        return digits;
    }

    /** @return digits 4-8, the company code */
    public String companyCode() {
        return digits.substring(3, 8);
    }

    /** @return digits 9-13, the product code within the company */
    public String productCode() {
        return digits.substring(8, 13);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DrugStandardCode other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** @return the 14 digits */
    @Override
    public String toString() {
        return digits;
    }
}
