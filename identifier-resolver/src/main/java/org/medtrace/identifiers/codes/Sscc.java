// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;

/**
 * A Serial Shipping Container Code: 18 digits (extension digit, GS1 company prefix, serial reference, check digit)
 * naming one logistic unit such as a case or pallet.
 *
 * <pre>{@code
 * Sscc sscc = Sscc.parse("369012345000000015");
 * }</pre>
 */
public final class Sscc {
    /** Digits of an SSCC. */
    public static final int LENGTH = 18;

    private final String value;

    private Sscc(final String value) {
        this.value = value;
    }

    /**
     * @param digits 18 digits including the check digit
     * @return the SSCC
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code sscc} or
     *     {@code sscc.checkDigit}) if the length, the characters or the check digit are wrong
     * @throws NullPointerException if {@code digits} is null
     */
    public static Sscc parse(final String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != LENGTH || !CodeErrors.isDigits(digits)) {
            throw CodeErrors.invalid(digits, "sscc",
                    "SSCC '" + CodeErrors.show(digits) + "' must be exactly 18 digits");
        }
        Gtin.checkDigit(digits, "SSCC", "sscc.checkDigit");
        return new Sscc(digits);
    }

    /** @return the 18 digits */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Sscc other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the 18 digits */
    @Override
    public String toString() {
        return value;
    }
}
