// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits the two textual forms of a GS1 element string into elements, driven by the AI table. */
final class ElementStringParser {
    private ElementStringParser() {
    }

    /** Reads the concatenated form with GS separators. */
    static List<Gs1Element> transmitted(final String body, final int referenceYear) {
        List<Gs1Element> elements = new ArrayList<>();
        int position = 0;
        while (position < body.length() && body.charAt(position) == Gs1ElementString.GS) {
            position++;
        }
        while (position < body.length()) {
            int aiStart = position;
            Gs1ApplicationIdentifier ai = Gs1ApplicationIdentifier.at(body, position).orElseThrow(() ->
                    CodeErrors.invalid(body, "ai", "no known GS1 AI at position " + (aiStart + 1) + " ('"
                            + CodeErrors.show(body.substring(aiStart, Math.min(body.length(), aiStart + 4)))
                            + "...'); the element before it may be missing a GS separator or be too long"));
            position += ai.code().length();
            int end;
            if (ai.isFixedLength()) {
                end = position + ai.lengthMax();
                if (end > body.length()) {
                    throw CodeErrors.invalid(body, "ai(" + ai.code() + ")", "AI " + ai + " " + ai.title() + " needs "
                            + ai.lengthMax() + " characters but only " + (body.length() - position) + " remain");
                }
            } else {
                int separator = body.indexOf(Gs1ElementString.GS, position);
                end = separator < 0 ? body.length() : separator;
                if (end - position > ai.lengthMax()) {
                    throw CodeErrors.invalid(body, "ai(" + ai.code() + ")", "AI " + ai + " " + ai.title() + " runs "
                            + (end - position) + " characters, at most " + ai.lengthMax()
                            + " are allowed: is a GS separator (FNC1) missing after it?");
                }
            }
            elements.add(Gs1Element.of(ai, body.substring(position, end), referenceYear));
            position = end;
            // A separator after a fixed-length element is redundant but harmless; some encoders write one.
            while (position < body.length() && body.charAt(position) == Gs1ElementString.GS) {
                position++;
            }
        }
        return elements;
    }

    /** Reads the human-readable form {@code (AI)data(AI)data}. */
    static List<Gs1Element> humanReadable(final String body, final int referenceYear) {
        List<Gs1Element> elements = new ArrayList<>();
        int position = 0;
        while (position < body.length()) {
            Optional<String> code = parenthesisedCode(body, position);
            if (code.isEmpty()) {
                throw CodeErrors.invalid(body, "ai", "expected '(AI)' at position " + (position + 1) + " of '"
                        + CodeErrors.show(body) + "', found '" + CodeErrors.show(body.substring(position,
                                Math.min(body.length(), position + 6))) + "'");
            }
            Gs1ApplicationIdentifier ai = Gs1ApplicationIdentifier.lookup(code.get()).orElseThrow(() ->
                    CodeErrors.invalid(body, "ai", "AI (" + code.get() + ") is not in the table of supported GS1 AIs"));
            int dataStart = position + code.get().length() + 2;
            int dataEnd = dataStart;
            while (dataEnd < body.length() && !startsNextElement(body, dataEnd, ai)) {
                dataEnd++;
            }
            elements.add(Gs1Element.of(ai, body.substring(dataStart, dataEnd).strip(), referenceYear));
            position = dataEnd;
            while (position < body.length() && body.charAt(position) == ' ') {
                position++;
            }
        }
        return elements;
    }

    /**
     * A '(' ends the data when it opens a known AI, or any '(digits)' after numeric data; alphanumeric (CSET 82)
     * data may itself hold parentheses.
     */
    private static boolean startsNextElement(final String body, final int position,
            final Gs1ApplicationIdentifier current) {
        int next = position;
        while (next < body.length() && body.charAt(next) == ' ') {
            next++;
        }
        Optional<String> code = parenthesisedCode(body, next);
        return code.isPresent() && (current.content() == Gs1ApplicationIdentifier.Content.NUMERIC
                || Gs1ApplicationIdentifier.lookup(code.get()).isPresent());
    }

    private static Optional<String> parenthesisedCode(final String body, final int position) {
        if (position >= body.length() || body.charAt(position) != '(') {
            return Optional.empty();
        }
        int close = body.indexOf(')', position);
        if (close < position + 3 || close > position + 5) {
            return Optional.empty();
        }
        String code = body.substring(position + 1, close);
        return CodeErrors.isDigits(code) ? Optional.of(code) : Optional.empty();
    }
}
