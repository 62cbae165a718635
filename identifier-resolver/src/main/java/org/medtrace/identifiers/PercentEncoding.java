// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict RFC 3986 percent-encoding of UTF-8 text, shared by GS1 Digital Link URIs and Handle REST paths: encoding
 * keeps only the unreserved characters (and '/' on request); decoding rejects malformed escapes and invalid UTF-8
 * and leaves '+' alone (it is not a space in a path). JDK only.
 *
 * <pre>{@code
 * PercentEncoding.encode("A/B C", false);   // "A%2FB%20C"
 * PercentEncoding.decode("A%2FB%20C");      // "A/B C"
 * }</pre>
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * @param text any text
     * @param keepSlash true to leave '/' unencoded (a whole path), false to encode it (one segment)
     * @return the text with every other character outside {@code A-Z a-z 0-9 - . _ ~} percent-encoded as UTF-8
     */
    public static String encode(final String text, final boolean keepSlash) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/');
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * @param text percent-encoded text
     * @return the decoded text
     * @throws IllegalArgumentException if an escape is malformed or the bytes are not UTF-8
     */
    public static String decode(final String text) {
        Objects.requireNonNull(text, "text");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int escape = text.indexOf('%', i);
            if (escape != i) {
                int end = escape < 0 ? text.length() : escape;
                byte[] plain = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = end;
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("bad percent-encoding at '"
                        + text.substring(i, Math.min(text.length(), i + 3)) + "'");
            }
            bytes.write(high * 16 + low);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes are not UTF-8 text", e);
        }
    }
}
