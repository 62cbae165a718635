// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text rules of the HTTP edge: what a value may hold before it reaches the ledger or PostgreSQL (which refuses
 * NUL in text and fails on it). One place, so that the path, the query, the headers and the JSON body apply the same
 * rule.
 */
public final class Text {

    /** GS1's FNC1 as scanners transmit it. */
    private static final char GROUP_SEPARATOR = '\u001d';

    private Text() {
    }

    /**
     * Finds what makes no sense in a value: a C0 control character (U+0000..U+001F) other than the group separator
     * U+001D, DEL, a C1 control character (U+0080..U+009F), or half of a surrogate pair (not Unicode text). The group
     * separator stays allowed because it is GS1's FNC1 in a scanner's transmitted element string, a code form every
     * code field and parameter accepts.
     *
     * @param value the text
     * @param lineBreaks true where tab, line feed and carriage return are allowed (free text in a JSON body)
     * @return why the value is refused, or empty if it is acceptable
     */
    public static Optional<String> refusal(final CharSequence value, final boolean lineBreaks) {
        final int n = value.length();
        for (int i = 0; i < n; i++) {
            final char c = value.charAt(i);
            if (c < 0x20 && c != GROUP_SEPARATOR && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))
                    || c >= 0x7f && c <= 0x9f) {
                return Optional.of(String.format("holds the control character U+%04X at position %d", (int) c, i));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return Optional.of("holds half of a UTF-16 surrogate pair at position " + i + " (not Unicode"
                            + " text)");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes UTF-8 strictly: overlong forms (such as {@code C0 80} for NUL), surrogates and bytes that are no UTF-8
     * at all are refused rather than replaced.
     *
     * @param bytes the bytes
     * @param offset where to start
     * @param length how many
     * @return the text, or empty if the bytes are not valid UTF-8
     */
    public static Optional<String> utf8(final byte[] bytes, final int offset, final int length) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * @param bytes UTF-8 bytes
     * @return the offset of the first byte that is not part of valid UTF-8, or -1 if all are valid
     */
    public static int invalidUtf8Offset(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            final var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /**
     * Percent-decodes a URI component into its UTF-8 text, strictly.
     *
     * @param raw the component as sent, e.g. {@code 88.118.8866%2FB-1}
     * @param plusIsSpace true in a query string ({@code application/x-www-form-urlencoded})
     * @return the text, or empty if an escape is broken or the bytes are not valid UTF-8
     */
    public static Optional<String> percentDecoded(final String raw, final boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return Optional.of(raw);
        }
        final byte[] source = raw.getBytes(StandardCharsets.UTF_8);
        final byte[] out = new byte[source.length];
        int length = 0;
        for (int i = 0; i < source.length; i++) {
            final byte b = source[i];
            if (b == '%') {
                if (i + 2 >= source.length) {
                    return Optional.empty();
                }
                final int high = Character.digit(source[i + 1], 16);
                final int low = Character.digit(source[i + 2], 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = plusIsSpace && b == '+' ? (byte) ' ' : b;
            }
        }
        return utf8(out, 0, length);
    }
}
