// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;

/**
 * The GS1 mod-10 check digit shared by GTIN-8/12/13/14, SSCC (18 digits), GLN and GSIN: weights 3 and 1 alternate
 * from the rightmost data digit. Also fits the 14-digit 药品本位码, which borrows the GTIN-14 shape.
 *
 * <pre>{@code
 * Gs1CheckDigit.isValid("06901234567892");   // true
 * Gs1CheckDigit.compute("0690123456789");    // 2
 * }</pre>
 */
public final class Gs1CheckDigit {
    private Gs1CheckDigit() {
    }

    /**
     * @param dataDigits the digits without the check digit (1 to 17 digits)
     * @return the check digit, 0 to 9
     * @throws IllegalArgumentException if {@code dataDigits} is empty, too long or not all digits
     */
    public static int compute(final String dataDigits) {
        Objects.requireNonNull(dataDigits, "dataDigits");
        if (dataDigits.isEmpty() || dataDigits.length() > 17) {
            throw new IllegalArgumentException("GS1 data must be 1 to 17 digits, got " + dataDigits.length());
        }
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            char c = dataDigits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("GS1 data contains a non-digit '" + c + "' at position " + (i + 1));
            }
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * @param digits a complete GS1 key including its check digit (2 to 18 digits)
     * @return true if every character is a digit and the last one is the correct check digit; false otherwise,
     *     including for null, empty or non-digit input
     */
    public static boolean isValid(final String digits) {
        if (digits == null || digits.length() < 2 || digits.length() > 18) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return compute(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }
}
