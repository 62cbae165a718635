// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers;

import java.util.Objects;
import java.util.Optional;

/**
 * A code or identifier that does not follow its syntax. {@link #part()} names the part that is wrong, so that callers
 * can tell a user exactly what to fix (for example "prefix segment 2 is empty").
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which part of the input is wrong. */
    public enum Part {
        /** The input as a whole (empty, too long, missing separator). */
        WHOLE,
        /** The naming-authority prefix, left of the first '/'. */
        PREFIX,
        /** The local name, right of the first '/'. */
        SUFFIX,
        /** A drug or GS1 code embedded in an identifier, or given on its own. */
        CODE
    }

    private final Part part;
    private final String input;
    private final String element;

    /**
     * @param part which part is wrong
     * @param input the rejected input, as given (may be shortened for display)
     * @param message what is wrong, in words a user understands
     */
    public InvalidIdentifierException(final Part part, final String input, final String message) {
        this(part, input, null, message);
    }

    /**
     * @param part which part is wrong
     * @param input the rejected input, as given (may be shortened for display)
     * @param element the element inside that part, a short stable name such as {@code "gtin.checkDigit"},
     *     {@code "ai(17)"} or {@code "digitalLink.path"}; may be null
     * @param message what is wrong, in words a user understands
     */
    public InvalidIdentifierException(final Part part, final String input, final String element,
            final String message) {
        super(message);
        this.part = Objects.requireNonNull(part, "part");
        this.input = input;
        this.element = element;
    }

    /** @return the part of the input that is wrong */
    public Part part() {
        return part;
    }

    /** @return the rejected input, possibly null when none was given */
    public String input() {
        return input;
    }

    /**
     * @return the wrong element inside {@link #part()}, for example {@code "gtin.checkDigit"}, {@code "ai(17)"},
     *     {@code "separator"}; empty when the part as a whole is wrong
     */
    public Optional<String> element() {
        return Optional.ofNullable(element);
    }
}
