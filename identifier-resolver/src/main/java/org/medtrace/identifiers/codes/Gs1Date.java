// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A GS1 date in YYMMDD form, as carried by AIs (11), (13), (15), (16) and (17).
 *
 * <p>Two rules of the GS1 General Specifications apply: the century follows a sliding window around a reference
 * year (a year more than 50 years ahead belongs to the previous century, one 50 or more years back to the next),
 * and day {@code 00} means the month is known but not the day, which counts as the last day of that month
 * ({@code 260200} is 2026-02-28). The reference year is a parameter so that callers that must be deterministic,
 * such as chaincode, can pass the year of their transaction time.
 *
 * <pre>{@code
 * Gs1Date expiry = Gs1Date.parse("260200", 2025);
 * expiry.date();            // 2026-02-28
 * expiry.dayUnspecified();  // true
 * }</pre>
 */
public final class Gs1Date {
    private final String text;
    private final LocalDate date;
    private final boolean dayUnspecified;

    private Gs1Date(final String text, final LocalDate date, final boolean dayUnspecified) {
        this.text = text;
        this.date = date;
        this.dayUnspecified = dayUnspecified;
    }

    /**
     * @param yymmdd six digits
     * @param referenceYear the year the two-digit year is resolved around, usually the current year
     * @return the date
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE, element {@code date}) if the text is
     *     not six digits or names no calendar date
     */
    public static Gs1Date parse(final String yymmdd, final int referenceYear) {
        return parse(yymmdd, referenceYear, true, "date");
    }

    static Gs1Date parse(final String yymmdd, final int referenceYear, final boolean day00Allowed,
            final String element) {
        Objects.requireNonNull(yymmdd, "yymmdd");
        if (yymmdd.length() != 6 || !CodeErrors.isDigits(yymmdd)) {
            throw CodeErrors.invalid(yymmdd, element, "date '" + CodeErrors.show(yymmdd) + "' must be six digits YYMMDD");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        if (month < 1 || month > 12) {
            throw CodeErrors.invalid(yymmdd, element, "date " + yymmdd + " has month " + month + "; months are 01 to 12");
        }
        YearMonth yearMonth = YearMonth.of(centuryYear(yy, referenceYear), month);
        if (day == 0) {
            if (!day00Allowed) {
                throw CodeErrors.invalid(yymmdd, element, "date " + yymmdd + " has day 00, not allowed here");
            }
            return new Gs1Date(yymmdd, yearMonth.atEndOfMonth(), true);
        }
        if (day > yearMonth.lengthOfMonth()) {
            throw CodeErrors.invalid(yymmdd, element, "date " + yymmdd + " has day " + day + " but " + yearMonth
                    + " has " + yearMonth.lengthOfMonth() + " days");
        }
        return new Gs1Date(yymmdd, yearMonth.atDay(day), false);
    }

    /** The GS1 sliding century window around {@code referenceYear}. */
    static int centuryYear(final int yy, final int referenceYear) {
        int referenceYy = Math.floorMod(referenceYear, 100);
        int century = referenceYear - referenceYy;
        int difference = yy - referenceYy;
        if (difference >= 51) {
            century -= 100;
        } else if (difference <= -50) {
            century += 100;
        }
        return century + yy;
    }

    /** @return the six digits as given */
    public String text() {
        return text;
    }

    /** @return the calendar date; the last day of the month when {@link #dayUnspecified()} */
    public LocalDate date() {
        return date;
    }

    /** @return true if the day was given as 00 */
    public boolean dayUnspecified() {
        return dayUnspecified;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Gs1Date other && text.equals(other.text) && date.equals(other.date);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the six digits as given */
    @Override
    public String toString() {
        return text;
    }
}
