// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import org.medtrace.identifiers.InvalidIdentifierException;

/** Reads the identifier suffixes that {@link TraceKey#toSuffix()} writes; the table is on {@link TraceKey}. */
final class SuffixScheme {
    private static final String GTIN_START = "01.";
    private static final String SSCC_START = "00.";
    private static final int GTIN_END = GTIN_START.length() + Gtin.LENGTH;

    private SuffixScheme() {
    }

    static TraceKey read(final String suffix) {
        if (suffix.length() == NmpaTraceCode.LENGTH && CodeErrors.isDigits(suffix)) {
            return NmpaTraceCode.parse(suffix);
        }
        if (suffix.startsWith(SSCC_START)) {
            return new Gs1Key.LogisticUnit(Sscc.parse(suffix.substring(SSCC_START.length())));
        }
        if (!suffix.startsWith(GTIN_START)) {
            throw notInScheme(suffix, "it starts with neither 20 digits, '01.' nor '00.'");
        }
        if (suffix.length() < GTIN_END) {
            throw notInScheme(suffix, "'01.' must be followed by a 14-digit GTIN");
        }
        Gtin gtin = Gtin.parse(suffix.substring(GTIN_START.length(), GTIN_END));
        if (suffix.length() == GTIN_END) {
            return new Gs1Key.Product(gtin);
        }
        String rest = suffix.substring(GTIN_END);
        if (rest.startsWith(".10.")) {
            return new Gs1Key.Batch(gtin, rest.substring(4));
        }
        if (rest.startsWith(".21.")) {
            return new Gs1Key.Item(gtin, rest.substring(4));
        }
        throw notInScheme(suffix, "the GTIN must be followed by nothing, '.10.<lot>' or '.21.<serial>'");
    }

    private static InvalidIdentifierException notInScheme(final String suffix, final String why) {
        return new InvalidIdentifierException(InvalidIdentifierException.Part.SUFFIX, suffix, "traceKeySuffix",
                "suffix '" + CodeErrors.show(suffix) + "' is not a trace-code suffix: " + why
                        + " (expected <20 digits>, 01.<GTIN>, 01.<GTIN>.10.<lot>, 01.<GTIN>.21.<serial> or 00.<SSCC>)");
    }
}
