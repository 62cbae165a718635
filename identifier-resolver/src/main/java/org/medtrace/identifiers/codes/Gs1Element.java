// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of a GS1 element string: an Application Identifier and its data, checked against the AI's format
 * (characters, length, check digit, date).
 *
 * <pre>{@code
 * Gs1Element expiry = Gs1Element.of("17", "270600", 2026);
 * expiry.date().get().date();   // 2027-06-30
 * }</pre>
 */
public final class Gs1Element {
    private final Gs1ApplicationIdentifier ai;
    private final String value;
    private final Gs1Date date;

    private Gs1Element(final Gs1ApplicationIdentifier ai, final String value, final Gs1Date date) {
        this.ai = ai;
        this.value = value;
        this.date = date;
    }

    /**
     * @param aiCode the AI digits, for example {@code "10"}
     * @param value the data
     * @param referenceYear the year two-digit years are resolved around (see {@link Gs1Date})
     * @return the checked element
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code ai(NN)} or
     *     {@code ai(NN).checkDigit}) if the AI is unknown or the data does not fit it
     */
    public static Gs1Element of(final String aiCode, final String value, final int referenceYear) {
        Gs1ApplicationIdentifier ai = Gs1ApplicationIdentifier.lookup(aiCode).orElseThrow(() -> CodeErrors.invalid(
                aiCode, "ai", "AI (" + CodeErrors.show(aiCode) + ") is not in the table of supported GS1 AIs"));
        return of(ai, value, referenceYear);
    }

    /**
     * @param ai the Application Identifier
     * @param value the data
     * @param referenceYear the year two-digit years are resolved around (see {@link Gs1Date})
     * @return the checked element
     * @throws org.medtrace.identifiers.InvalidIdentifierException if the data does not fit the AI
     */
    public static Gs1Element of(final Gs1ApplicationIdentifier ai, final String value, final int referenceYear) {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
        String element = "ai(" + ai.code() + ")";
        checkLength(ai, value, element);
        checkCharacters(ai, value, element);
        Gs1Date date = null;
        switch (ai.check()) {
            case CHECK_DIGIT -> Gtin.checkDigit(value, ai + " " + ai.title(), element + ".checkDigit");
            case DATE -> date = Gs1Date.parse(value, referenceYear, true, element);
            case DATE_TIME -> date = checkDateTime(value, referenceYear, element);
            case NONE -> { }
            default -> throw new IllegalStateException("unhandled check " + ai.check());
        }
        return new Gs1Element(ai, value, date);
    }

    private static void checkLength(final Gs1ApplicationIdentifier ai, final String value, final String element) {
        int length = value.length();
        if (ai.isFixedLength() && length != ai.lengthMax()) {
            throw CodeErrors.invalid(value, element, ai + " " + ai.title() + " needs exactly " + ai.lengthMax()
                    + " characters, got " + length + " ('" + CodeErrors.show(value) + "')");
        }
        if (length < ai.lengthMin()) {
            throw CodeErrors.invalid(value, element, ai + " " + ai.title() + " is empty");
        }
        if (length > ai.lengthMax()) {
            throw CodeErrors.invalid(value, element, ai + " " + ai.title() + " is " + length
                    + " characters long, at most " + ai.lengthMax() + " are allowed");
        }
    }

    private static void checkCharacters(final Gs1ApplicationIdentifier ai, final String value,
            final String element) {
        int bad = -1;
        if (ai.content() == Gs1ApplicationIdentifier.Content.NUMERIC) {
            for (int i = 0; i < value.length() && bad < 0; i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    bad = i;
                }
            }
        } else {
            bad = CodeErrors.firstOutsideCset82(value);
        }
        if (bad >= 0) {
            String kind = ai.content() == Gs1ApplicationIdentifier.Content.NUMERIC ? "digits only"
                    : "GS1 character set 82 (letters, digits and !\"%&'()*+,-./:;<=>?_)";
            throw CodeErrors.invalid(value, element, ai + " " + ai.title() + " '" + CodeErrors.show(value)
                    + "' has '" + CodeErrors.show(value.substring(bad, bad + 1)) + "' at position " + (bad + 1)
                    + "; it allows " + kind);
        }
    }

    private static Gs1Date checkDateTime(final String value, final int referenceYear, final String element) {
        Gs1Date date = Gs1Date.parse(value.substring(0, 6), referenceYear, false, element);
        int hour = Integer.parseInt(value.substring(6, 8));
        int minute = Integer.parseInt(value.substring(8, 10));
        if (hour > 23 || minute > 59) {
            throw CodeErrors.invalid(value, element, "time " + value.substring(6) + " in " + value
                    + " is not a time of day hhmm");
        }
        return date;
    }

    /** @return the Application Identifier */
    public Gs1ApplicationIdentifier ai() {
        return ai;
    }

    /** @return the data, as given */
    public String value() {
        return value;
    }

    /** @return the date, for date AIs (11, 12, 13, 15, 16, 17, 7003); empty otherwise */
    public Optional<Gs1Date> date() {
        return Optional.ofNullable(date);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Gs1Element other && ai == other.ai && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return 31 * ai.code().hashCode() + value.hashCode();
    }

    /** @return {@code (AI)value}, the human-readable form */
    @Override
    public String toString() {
        return ai + value;
    }
}
