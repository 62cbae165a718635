// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An industrial-internet identifier (工业互联网标识) in Handle syntax: {@code <prefix>/<suffix>}.
 *
 * <p>The prefix is the naming authority, dot-separated from the left ({@code 88.<secondary node>.<enterprise>}). The
 * suffix is a local name chosen by the enterprise, any UTF-8 text without control characters. Prefixes compare
 * case-insensitively and are normalised to upper case (as Handle servers do); suffixes keep their case, because GS1
 * serial numbers embedded in them are case-sensitive. Suffixes are normalised to Unicode NFC so that the same text
 * typed two ways is one identifier.
 *
 * <pre>{@code
 * Identifier id = Identifier.parse("88.118.8866/8612345678901234567");
 * id.prefix();   // "88.118.8866"
 * id.suffix();   // "8612345678901234567"
 * }</pre>
 *
 * <p>This class uses the JDK only: the chaincode depends on it.
 */
public final class Identifier implements Comparable<Identifier> {
    /** Longest identifier accepted, in characters (the IDIS enterprise-node limit). */
    public static final int LENGTH_MAX = 255;
    /** Longest suffix accepted, in UTF-8 bytes. */
    public static final int SUFFIX_BYTES_MAX = 255;
    /** Most prefix segments accepted. */
    public static final int PREFIX_SEGMENTS_MAX = 8;
    /** Longest prefix segment accepted, in characters. */
    public static final int PREFIX_SEGMENT_LENGTH_MAX = 32;

    private final String prefix;
    private final String suffix;

    private Identifier(final String prefix, final String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /**
     * Parses and normalises an identifier.
     *
     * @param text {@code <prefix>/<suffix>}; surrounding white space is ignored
     * @return the normalised identifier
     * @throws InvalidIdentifierException naming the wrong part, if the text is not an identifier
     * @throws NullPointerException if {@code text} is null
     */
    public static Identifier parse(final String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.WHOLE, text, "identifier is empty");
        }
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.WHOLE, text,
                    "identifier '" + shorten(trimmed) + "' has no '/' between prefix and suffix");
        }
        return of(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /**
     * Builds an identifier from its parts, validating and normalising both.
     *
     * @param prefix naming authority, for example {@code 88.118.8866}
     * @param suffix local name
     * @return the identifier
     * @throws InvalidIdentifierException naming the wrong part
     */
    public static Identifier of(final String prefix, final String suffix) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        String normalPrefix = normalisePrefix(prefix);
        String normalSuffix = normaliseSuffix(suffix);
        int length = normalPrefix.length() + 1 + normalSuffix.length();
        if (length > LENGTH_MAX) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.WHOLE, prefix + "/" + suffix,
                    "identifier is " + length + " characters long, at most " + LENGTH_MAX + " are allowed");
        }
        return new Identifier(normalPrefix, normalSuffix);
    }

    /**
     * Checks a naming-authority prefix on its own and returns it normalised.
     *
     * @param prefix for example {@code 88.118.8866}
     * @return the prefix in upper case
     * @throws InvalidIdentifierException with part PREFIX
     */
    public static String normalisePrefix(final String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, prefix, "prefix is empty");
        }
        List<String> segments = List.of(prefix.split("\\.", -1));
        if (segments.size() > PREFIX_SEGMENTS_MAX) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, prefix,
                    "prefix '" + shorten(prefix) + "' has " + segments.size() + " segments, at most "
                            + PREFIX_SEGMENTS_MAX + " are allowed");
        }
        for (int i = 0; i < segments.size(); i++) {
            checkPrefixSegment(prefix, segments.get(i), i + 1);
        }
        return prefix.toUpperCase(Locale.ROOT);
    }

    private static void checkPrefixSegment(final String prefix, final String segment, final int position) {
        if (segment.isEmpty()) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, prefix,
                    "prefix '" + shorten(prefix) + "': segment " + position + " is empty");
        }
        if (segment.length() > PREFIX_SEGMENT_LENGTH_MAX) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, prefix,
                    "prefix '" + shorten(prefix) + "': segment " + position + " is longer than "
                            + PREFIX_SEGMENT_LENGTH_MAX + " characters");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || c == '-' || c == '_';
            if (!allowed) {
                throw new InvalidIdentifierException(InvalidIdentifierException.Part.PREFIX, prefix,
                        "prefix '" + shorten(prefix) + "': segment " + position + " contains '" + c
                                + "'; only letters, digits, '-' and '_' are allowed");
            }
        }
    }

    private static String normaliseSuffix(final String suffix) {
        if (suffix.isEmpty()) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.SUFFIX, suffix, "suffix is empty");
        }
        String normal = Normalizer.normalize(suffix, Normalizer.Form.NFC);
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidIdentifierException(InvalidIdentifierException.Part.SUFFIX, suffix,
                        "suffix '" + shorten(suffix) + "' contains a control or white-space character at position "
                                + (i + 1));
            }
        }
        int bytes = normal.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > SUFFIX_BYTES_MAX) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.SUFFIX, suffix,
                    "suffix is " + bytes + " UTF-8 bytes long, at most " + SUFFIX_BYTES_MAX + " are allowed");
        }
        return normal;
    }

    private static String shorten(final String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** @return the naming-authority prefix, normalised to upper case */
    public String prefix() {
        return prefix;
    }

    /** @return the local name */
    public String suffix() {
        return suffix;
    }

    /**
     * @param other a prefix such as {@code 88.118}
     * @return true if this identifier's prefix equals {@code other} or lies below it in the dot hierarchy
     */
    public boolean isUnderPrefix(final String other) {
        String normal = other.toUpperCase(Locale.ROOT);
        return prefix.equals(normal) || prefix.startsWith(normal + ".");
    }

    /** @return {@code prefix/suffix}, the canonical text form, equal for equal identifiers */
    @Override
    public String toString() {
        return prefix + "/" + suffix;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Identifier other && prefix.equals(other.prefix) && suffix.equals(other.suffix);
    }

    @Override
    public int hashCode() {
        return 31 * prefix.hashCode() + suffix.hashCode();
    }

    @Override
    public int compareTo(final Identifier o) {
        return toString().compareTo(o.toString());
    }
}
