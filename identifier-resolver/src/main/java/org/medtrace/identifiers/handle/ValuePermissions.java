// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.Objects;

/**
 * Who may read and write one handle value. In REST JSON this is the {@code permissions} string of four bits
 * {@code adminRead adminWrite publicRead publicWrite}, written only when it differs from the default {@code 1110}.
 *
 * @param adminRead administrators may read
 * @param adminWrite administrators may write
 * @param publicRead anyone may read
 * @param publicWrite anyone may write
 */
public record ValuePermissions(boolean adminRead, boolean adminWrite, boolean publicRead, boolean publicWrite) {
    /** The Handle default: administrators read and write, the public reads. */
    public static final ValuePermissions DEFAULT = new ValuePermissions(true, true, true, false);

    /**
     * @param bits four characters {@code 0}/{@code 1} in the order adminRead, adminWrite, publicRead, publicWrite,
     *     or {@code *} for all
     * @return the permissions
     * @throws IllegalArgumentException if the text is neither
     */
    public static ValuePermissions fromBits(final String bits) {
        Objects.requireNonNull(bits, "bits");
        if (bits.equals("*")) {
            return new ValuePermissions(true, true, true, true);
        }
        if (!bits.matches("[01]{4}")) {
            throw new IllegalArgumentException("value permissions must be four bits 0/1 (adminRead adminWrite"
                    + " publicRead publicWrite) or '*', got '" + bits + "'");
        }
        return new ValuePermissions(bits.charAt(0) == '1', bits.charAt(1) == '1', bits.charAt(2) == '1',
                bits.charAt(3) == '1');
    }

    /** @return the four bits, for example {@code 1110} */
    public String toBits() {
        return bit(adminRead) + bit(adminWrite) + bit(publicRead) + bit(publicWrite);
    }

    private static String bit(final boolean on) {
        return on ? "1" : "0";
    }
}
