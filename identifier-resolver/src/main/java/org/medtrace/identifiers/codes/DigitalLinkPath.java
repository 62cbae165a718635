// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The path rules of GS1 Digital Link: key, qualifiers in order, percent-encoding. */
final class DigitalLinkPath {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            int run = raw.indexOf('%', i);
            if (run != i) {
                int end = run < 0 ? raw.length() : run;
                byte[] plain = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = end - 1;
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw CodeErrors.invalid(text, "digitalLink.percentEncoding", "bad percent-encoding at '"
                        + CodeErrors.show(raw.substring(i, Math.min(raw.length(), i + 3))) + "' in '"
                        + CodeErrors.show(raw) + "'");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CodeErrors.invalid(text, "digitalLink.percentEncoding", "'" + CodeErrors.show(raw)
                    + "' does not decode to UTF-8 text");
        }
    }

    /** Percent-encodes everything outside the RFC 3986 unreserved set. */
    static String encode(final String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }
}
