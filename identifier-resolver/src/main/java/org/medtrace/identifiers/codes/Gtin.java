// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;

/**
 * A Global Trade Item Number, held as GTIN-14. GTIN-8, GTIN-12 (UPC) and GTIN-13 (EAN) are accepted and padded
 * with leading zeros, as GS1 element strings and Digital Link URIs carry them.
 *
 * <pre>{@code
 * Gtin gtin = Gtin.parse("6901234567892");   // a GTIN-13
 * gtin.value();                              // "06901234567892"
 * }</pre>
 */
public final class Gtin {
    /** Digits of the normalised form. */
    public static final int LENGTH = 14;

    private final String value;

    private Gtin(final String value) {
        this.value = value;
    }

    /**
     * @param digits 8, 12, 13 or 14 digits including the check digit
     * @return the GTIN, normalised to 14 digits
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code gtin} or
     *     {@code gtin.checkDigit}) if the length, the characters or the check digit are wrong
     * @throws NullPointerException if {@code digits} is null
     */
    public static Gtin parse(final String digits) {
        Objects.requireNonNull(digits, "digits");
        int length = digits.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            throw CodeErrors.invalid(digits, "gtin",
                    "GTIN '" + CodeErrors.show(digits) + "' has " + length + " characters; a GTIN has 8, 12, 13 or 14"
                            + " digits");
        }
        if (!CodeErrors.isDigits(digits)) {
            throw CodeErrors.invalid(digits, "gtin", "GTIN '" + CodeErrors.show(digits) + "' contains a non-digit");
        }
        checkDigit(digits, "GTIN", "gtin.checkDigit");
        return new Gtin("0".repeat(LENGTH - length) + digits);
    }

    /** Checks the GS1 mod-10 check digit of all-digit {@code digits}, naming the key in the message. */
    static void checkDigit(final String digits, final String keyName, final String element) {
        int expected = Gs1CheckDigit.compute(digits.substring(0, digits.length() - 1));
        int actual = digits.charAt(digits.length() - 1) - '0';
        if (expected != actual) {
            throw CodeErrors.invalid(digits, element,
                    keyName + " " + digits + " has check digit " + actual + ", expected " + expected);
        }
    }

    /** @return the 14 digits */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Gtin other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the 14 digits */
    @Override
    public String toString() {
        return value;
    }
}
