// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * The one entry point for whatever a user scanned or typed: tells an identifier, a 20-digit drug traceability code,
 * a GS1 element string, a GS1 Digital Link, a bare GTIN/SSCC and a drug standard code apart, and parses it.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>a GS1 symbology identifier ({@code ]d2 ]C1 ]Q3 ]e0 ]J1}), a GS character (FNC1) or a leading {@code (} means
 *       a GS1 element string; any other symbology identifier ({@code ]d1}, {@code ]Q1}, {@code ]C0}, {@code ]E0}...)
 *       is dropped and the rest read by these rules;</li>
 *   <li>{@code http://} or {@code https://} means a GS1 Digital Link;</li>
 *   <li>text with a '/' is an identifier;</li>
 *   <li>digits (spaces and hyphens between digit groups are ignored): 20 digits starting with 8 are an NMPA code;
 *       20 digits otherwise are read as an element string if they parse as one (a (00) SSCC string is 20 digits
 *       too), else as an NMPA code; 14 digits starting with 869 are a drug standard code; 8, 12, 13 or 14 digits a
 *       GTIN; 18 digits an SSCC; anything else an element string;</li>
 *   <li>other text is read as an element string without separators, such as {@code 0106901234567892 21SN123}.</li>
 * </ol>
 *
 * <pre>{@code
 * ReadCode code = CodeReader.read("]d201069012345678921727060010B2024\u001d21SN123");
 * code.kind();   // GS1_ELEMENT_STRING
 * IdentifierMapping.forPrefix("88.118.8866").identifierFor(code);   // 88.118.8866/01.06901234567892.21.SN123
 * }</pre>
 */
public final class CodeReader {
    /** Longest input accepted, in characters. */
    public static final int INPUT_LENGTH_MAX = Gs1DigitalLink.URI_LENGTH_MAX;

    private CodeReader() {
    }

    /**
     * Reads input, resolving two-digit years around the current year (UTC).
     *
     * @param input what was scanned or typed
     * @return what it is, parsed
     * @throws InvalidIdentifierException naming the wrong part; WHOLE when the input is empty, too long or of no
     *     known kind
     * @throws NullPointerException if {@code input} is null
     */
    public static ReadCode read(final String input) {
        return read(input, Year.now(ZoneOffset.UTC).getValue());
    }

    /**
     * Reads input. Equivalent to {@link #read(String)} with an explicit reference year for two-digit years.
     *
     * @param input what was scanned or typed
     * @param referenceYear the year two-digit years are resolved around (see {@link Gs1Date})
     * @return what it is, parsed
     * @throws InvalidIdentifierException naming the wrong part
     */
    public static ReadCode read(final String input, final int referenceYear) {
        Objects.requireNonNull(input, "input");
        String text = input.strip();
        if (text.isEmpty()) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.WHOLE, input, "input is empty");
        }
        if (text.length() > INPUT_LENGTH_MAX) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.WHOLE, CodeErrors.show(input),
                    "input is " + text.length() + " characters long, at most " + INPUT_LENGTH_MAX + " are accepted");
        }
        if (text.startsWith("]") && text.length() >= 3) {
            String symbology = text.substring(0, 3);
            if (Gs1ElementString.GS1_SYMBOLOGY_IDENTIFIERS.contains(symbology)) {
                return new ReadCode.ElementString(Gs1ElementString.parse(text, referenceYear), Optional.of(symbology));
            }
            text = text.substring(3).strip();
        }
        if (text.indexOf(Gs1ElementString.GS) >= 0 || text.startsWith("(")) {
            return new ReadCode.ElementString(Gs1ElementString.parse(text, referenceYear), Optional.empty());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return new ReadCode.DigitalLink(Gs1DigitalLink.parse(text, referenceYear));
        }
        if (text.indexOf('/') >= 0) {
            return new ReadCode.IdentifierText(Identifier.parse(text));
        }
        if (text.matches("[0-9]+([ -][0-9]+)*")) {
            return readDigits(text.replaceAll("[ -]", ""), referenceYear);
        }
        return asElementString(text, input, referenceYear);
    }

    private static ReadCode readDigits(final String digits, final int referenceYear) {
        switch (digits.length()) {
            case NmpaTraceCode.LENGTH:
                if (digits.charAt(0) != '8') {
                    Optional<Gs1ElementString> elements = tryElementString(digits, referenceYear);
                    if (elements.isPresent()) {
                        return new ReadCode.ElementString(elements.get(), Optional.empty());
                    }
                }
                return new ReadCode.NmpaCode(NmpaTraceCode.parse(digits));
            case Sscc.LENGTH:
                return new ReadCode.BareGs1Key(new Gs1Key.LogisticUnit(Sscc.parse(digits)));
            case 8, 12, 13, 14:
                if (digits.length() == DrugStandardCode.LENGTH && digits.startsWith(DrugStandardCode.START)) {
                    return new ReadCode.DrugStandard(DrugStandardCode.parse(digits));
                }
                return new ReadCode.BareGs1Key(new Gs1Key.Product(Gtin.parse(digits)));
            default:
                return asElementString(digits, digits, referenceYear);
        }
    }

    private static Optional<Gs1ElementString> tryElementString(final String text, final int referenceYear) {
        try {
            return Optional.of(Gs1ElementString.parse(text, referenceYear));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    private static ReadCode asElementString(final String text, final String input, final int referenceYear) {
        try {
            return new ReadCode.ElementString(Gs1ElementString.parse(text, referenceYear), Optional.empty());
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException(InvalidIdentifierException.Part.CODE, input,
                    e.element().orElse(null), "'" + CodeErrors.show(input) + "' is not an identifier (prefix/suffix),"
                            + " a 20-digit drug traceability code, a GTIN/SSCC or a GS1 Digital Link; read as a GS1"
                            + " element string it fails: " + e.getMessage());
        }
    }
}
