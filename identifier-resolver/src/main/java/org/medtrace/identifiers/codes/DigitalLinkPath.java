// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.ArrayList;
import java.util.List;
import org.medtrace.identifiers.PercentEncoding;

/** The path rules of GS1 Digital Link: key, qualifiers in order, percent-encoding. */
final class DigitalLinkPath {
    private DigitalLinkPath() {
    }

    /** Reads the primary key at {@code start} and its qualifiers, which must end the path. */
    static List<Gs1Element> read(final List<String> segments, final int start, final List<String> qualifiers,
            final int referenceYear, final String text) {
        String keyAi = Gs1DigitalLink.aiOfSegment(segments.get(start));
        if (start + 1 >= segments.size()) {
            throw CodeErrors.invalid(text, "ai(" + keyAi + ")", "Digital Link primary key (" + keyAi
                    + ") has no value in the path");
        }
        String keyValue = decode(segments.get(start + 1), text);
        if (keyAi.equals("01") && CodeErrors.isDigits(keyValue) && keyValue.length() != Gtin.LENGTH) {
            keyValue = Gtin.parse(keyValue).value();
        }
        List<Gs1Element> elements = new ArrayList<>();
        elements.add(Gs1Element.of(keyAi, keyValue, referenceYear));
        int lastRank = -1;
        for (int i = start + 2; i < segments.size(); i += 2) {
            String ai = Gs1DigitalLink.aiOfSegment(segments.get(i));
            int rank = qualifiers.indexOf(ai);
            if (rank < 0) {
                throw CodeErrors.invalid(text, "digitalLink.qualifier", "path segment '"
                        + CodeErrors.show(segments.get(i)) + "' after (" + keyAi + ") is not one of its qualifiers "
                        + describe(qualifiers) + "; other AIs go in the query string (?17=...)");
            }
            if (rank <= lastRank) {
                throw CodeErrors.invalid(text, "digitalLink.qualifierOrder", "qualifier (" + ai + ") is out of"
                        + " order or repeated: after (" + keyAi + ") the order is " + describe(qualifiers));
            }
            if (i + 1 >= segments.size()) {
                throw CodeErrors.invalid(text, "ai(" + ai + ")", "qualifier (" + ai + ") has no value in the path");
            }
            elements.add(Gs1Element.of(ai, decode(segments.get(i + 1), text), referenceYear));
            lastRank = rank;
        }
        return elements;
    }

    private static String describe(final List<String> qualifiers) {
        return qualifiers.isEmpty() ? "(none)" : "(" + String.join("), (", qualifiers) + ")";
    }

    /** Strict percent-decoding as UTF-8; '+' stays '+'. */
    static String decode(final String raw, final String text) {
        try {
            return PercentEncoding.decode(raw);
        } catch (IllegalArgumentException e) {
            throw CodeErrors.invalid(text, "digitalLink.percentEncoding", "'" + CodeErrors.show(raw) + "': "
                    + e.getMessage());
        }
    }

    /** Percent-encodes everything outside the RFC 3986 unreserved set. */
    static String encode(final String value) {
        return PercentEncoding.encode(value, false);
    }
}
