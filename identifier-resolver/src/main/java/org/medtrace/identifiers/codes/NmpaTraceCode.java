// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;

/**
 * The 20-digit drug traceability code (药品追溯码, NMPAB/T 1002-2019 form (a), the "码上放心" code): 7 digits of drug
 * identification code (药品标识码: holder, product, dosage form, strength and package level), 9 digits of unit serial
 * number, 4 check digits.
 *
 * <p><b>The check digits cannot be verified offline.</b> They come from a proprietary algorithm; only the national
 * platform can confirm that a code exists. {@link #parse(String)} therefore checks the syntax only (20 ASCII
 * digits) and {@link #unverifiedCheckCode()} says so in its name. Codes seen in the wild start with 8, but no
 * source gives the leading digit a meaning, so it is not checked here.
 *
 * <pre>{@code
 * NmpaTraceCode code = NmpaTraceCode.parse("81234560000012345678");
 * code.productCode();          // "8123456"
 * code.serial();               // "000001234"
 * code.unverifiedCheckCode();  // "5678"
 * }</pre>
 */
public final class NmpaTraceCode implements TraceKey {
    /** Digits of the code. */
    public static final int LENGTH = 20;

    private final String digits;

    private NmpaTraceCode(final String digits) {
        this.digits = digits;
    }

    /**
     * @param digits the 20 digits, nothing else
     * @return the code
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code nmpaCode}) if the text
     *     is not 20 ASCII digits
     * @throws NullPointerException if {@code digits} is null
     */
    public static NmpaTraceCode parse(final String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() != LENGTH) {
            throw CodeErrors.invalid(digits, "nmpaCode", "drug traceability code '" + CodeErrors.show(digits)
                    + "' has " + digits.length() + " characters; it must have 20 digits");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw CodeErrors.invalid(digits, "nmpaCode", "drug traceability code '" + CodeErrors.show(digits)
                        + "' has '" + CodeErrors.show(String.valueOf(c)) + "' at position " + (i + 1)
                        + "; it must be digits only");
            }
        }
        return new NmpaTraceCode(digits);
    }

    /** @return the 20 digits */
    public String digits() {
        return digits;
    }

    /** @return digits 1-7, the drug identification code (药品标识码), which includes the package level */
    public String productCode() {
        return digits.substring(0, 7);
    }

    /** @return digits 8-16, the unit serial number (单品序列号) */
    public String serial() {
        return digits.substring(7, 16);
    }

    /**
     * @return digits 17-20, the check code; it is <b>not verified</b>: its algorithm is not public, only the
     *     national platform can confirm a code
     */
    public String unverifiedCheckCode() {
        return digits.substring(16);
    }

    /** @return the 20 digits: the suffix of this code's identifier */
    @Override
    public String toSuffix() {
        return digits;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NmpaTraceCode other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** @return the 20 digits */
    @Override
    public String toString() {
        return digits;
    }
}
