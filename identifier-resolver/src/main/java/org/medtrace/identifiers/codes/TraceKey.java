// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * What a drug trace code identifies: one sales-packaging unit by its 20-digit NMPA code, or a GS1 key (product,
 * batch, serialised unit, logistic unit). Each key maps to exactly one identifier suffix and back
 * ({@link #toSuffix()}, {@link #fromSuffix(String)}); {@link IdentifierMapping} adds the enterprise prefix.
 *
 * <p>The suffix scheme, chosen so that no two keys share a suffix and every suffix reads back to its key:
 * <table>
 *   <caption>Identifier suffixes</caption>
 *   <tr><th>key</th><th>suffix</th><th>example</th></tr>
 *   <tr><td>NMPA drug traceability code</td><td>the 20 digits</td><td>{@code 81234560000012345678}</td></tr>
 *   <tr><td>GTIN (product)</td><td>{@code 01.<GTIN-14>}</td><td>{@code 01.06901234567892}</td></tr>
 *   <tr><td>GTIN + batch</td><td>{@code 01.<GTIN-14>.10.<lot>}</td><td>{@code 01.06901234567892.10.B2024}</td></tr>
 *   <tr><td>GTIN + serial (unit)</td><td>{@code 01.<GTIN-14>.21.<serial>}</td>
 *       <td>{@code 01.06901234567892.21.SN123}</td></tr>
 *   <tr><td>SSCC (case, pallet)</td><td>{@code 00.<SSCC>}</td><td>{@code 00.369012345000000015}</td></tr>
 * </table>
 * The GS1 forms keep the AIs, so they read like the element string, and use dots, which IDIS nodes accept in
 * suffixes, rather than '/' or parentheses, which some do not. They always contain a dot, so they can never be
 * mistaken for a 20-digit NMPA code (an SSCC written {@code 00<SSCC>} would be 20 digits too). The lot or serial
 * comes last and is taken verbatim, so dots inside it are harmless. Serials are case-sensitive: the node storing
 * these identifiers must compare suffixes case-sensitively.
 */
public sealed interface TraceKey permits NmpaTraceCode, Gs1Key {
    /** @return the identifier suffix for this key, see the table above */
    String toSuffix();

    /**
     * Reads a suffix written by {@link #toSuffix()}.
     *
     * @param suffix an identifier suffix
     * @return the key
     * @throws InvalidIdentifierException (part SUFFIX) if the suffix does not follow the scheme, or names a code
     *     that is not valid (for example a wrong GTIN check digit)
     */
    static TraceKey fromSuffix(final String suffix) {
        Objects.requireNonNull(suffix, "suffix");
        try {
            return SuffixScheme.read(suffix);
        } catch (InvalidIdentifierException e) {
            if (e.part() == InvalidIdentifierException.Part.SUFFIX) {
                throw e;
            }
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.SUFFIX, suffix,
                    e.element().orElse(null), "suffix '" + CodeErrors.show(suffix) + "': " + e.getMessage());
        }
    }
}
