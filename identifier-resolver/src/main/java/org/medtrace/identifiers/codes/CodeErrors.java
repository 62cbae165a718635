// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import org.medtrace.identifiers.InvalidIdentifierException;

/** Builds the exceptions of this package, so that every message shows the input the same way. */
final class CodeErrors {
    private static final int SHOWN_LENGTH_MAX = 80;

    private CodeErrors() {
    }

    static InvalidIdentifierException invalid(final String input, final String element, final String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.Part.CODE, input, element, message);
    }

    /** Shows control characters (the GS separator above all) visibly, and shortens long input. */
    static String show(final CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < SHOWN_LENGTH_MAX; i++) {
            char c = text.charAt(i);
            if (c == Gs1ElementString.GS) {
                out.append("<GS>");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("<U+%04X>", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= SHOWN_LENGTH_MAX) {
            out.append("...");
        }
        return out.toString();
    }

    static boolean isDigits(final CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return the position (0-based) of the first character outside GS1 character set 82, or -1 */
    static int firstOutsideCset82(final CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isCset82(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** GS1 AI encodable character set 82: the invariant subset of ISO/IEC 646, without space. */
    static boolean isCset82(final char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0;
    }
}
