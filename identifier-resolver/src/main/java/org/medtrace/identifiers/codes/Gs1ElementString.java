// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A GS1 element string: the AIs and data a GS1 DataMatrix, GS1-128, GS1 QR Code or DataBar carries, as a scanner
 * delivers it or as printed under the symbol.
 *
 * <p>{@link #parse(String)} reads both forms:
 * <ul>
 *   <li>transmitted: elements concatenated, an element not of predefined length ended by FNC1, which scanners send
 *       as the GS character (0x1D); an optional leading symbology identifier ({@code ]d2}, {@code ]C1}, {@code ]Q3},
 *       {@code ]e0}, {@code ]J1}) and a leading GS are ignored;</li>
 *   <li>human-readable: {@code (01)06901234567892(17)270600(10)B2024(21)SN123}, spaces between elements allowed.</li>
 * </ul>
 * Every element is checked against its AI ({@link Gs1Element}). The string as a whole must follow these GS1
 * association rules: (01) and (02) exclude each other; (21) and (22) need (01); (10), (11), (13), (15), (16) and
 * (17) need (01) or (02); (37) needs (02); (254) needs (414). An AI repeated with the same data is kept once; with
 * different data it is an error.
 *
 * <pre>{@code
 * Gs1ElementString scan = Gs1ElementString.parse("]d201069012345678921727060010B2024\u001d21SN123");
 * scan.gtin().get().value();    // "06901234567892"
 * scan.expiry().get().date();   // 2027-06-30
 * scan.toHumanReadable();       // "(01)06901234567892(17)270600(10)B2024(21)SN123"
 * }</pre>
 */
public final class Gs1ElementString {
    /** The group separator that scanners transmit for FNC1. */
    public static final char GS = '\u001d';
    /** Longest input accepted, in characters (a GS1 DataMatrix holds far less). */
    public static final int INPUT_LENGTH_MAX = 512;
    /** Symbology identifiers (ISO/IEC 15424) that announce GS1 data. */
    public static final Set<String> GS1_SYMBOLOGY_IDENTIFIERS = Set.of("]C1", "]e0", "]d2", "]Q3", "]J1");

    private static final Map<String, List<String>> REQUIRES_ONE_OF = Map.of(
            "21", List.of("01"), "22", List.of("01"), "10", List.of("01", "02"), "11", List.of("01", "02"),
            "13", List.of("01", "02"), "15", List.of("01", "02"), "16", List.of("01", "02"),
            "17", List.of("01", "02"), "37", List.of("02"), "254", List.of("414"));

    private final List<Gs1Element> elements;

    private Gs1ElementString(final List<Gs1Element> elements) {
        this.elements = elements;
    }

    /**
     * Parses an element string, resolving two-digit years around the current year (UTC).
     *
     * @param text what the scanner delivered or what is printed
     * @return the element string
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE) naming the wrong element
     * @throws NullPointerException if {@code text} is null
     */
    public static Gs1ElementString parse(final String text) {
        return parse(text, Year.now(ZoneOffset.UTC).getValue());
    }

    /**
     * Parses an element string. Equivalent to {@link #parse(String)} with an explicit reference year, for callers
     * that must be deterministic.
     *
     * @param text what the scanner delivered or what is printed
     * @param referenceYear the year two-digit years are resolved around (see {@link Gs1Date})
     * @return the element string
     * @throws org.medtrace.identifiers.InvalidIdentifierException (part CODE) naming the wrong element
     */
    public static Gs1ElementString parse(final String text, final int referenceYear) {
        Objects.requireNonNull(text, "text");
        if (text.length() > INPUT_LENGTH_MAX) {
            throw CodeErrors.invalid(text, "elementString", "element string is " + text.length()
                    + " characters long, at most " + INPUT_LENGTH_MAX + " are accepted");
        }
        String body = text.strip();
        if (body.startsWith("]")) {
            String symbology = body.length() >= 3 ? body.substring(0, 3) : body;
            if (!GS1_SYMBOLOGY_IDENTIFIERS.contains(symbology)) {
                throw CodeErrors.invalid(text, "symbologyIdentifier", "symbology identifier '"
                        + CodeErrors.show(symbology) + "' does not announce GS1 data; GS1 uses "
                        + String.join(", ", List.of("]d2", "]C1", "]Q3", "]e0", "]J1")));
            }
            body = body.substring(3);
        }
        if (body.isEmpty()) {
            throw CodeErrors.invalid(text, "elementString", "element string is empty");
        }
        List<Gs1Element> parsed = body.charAt(0) == '('
                ? ElementStringParser.humanReadable(body, referenceYear)
                : ElementStringParser.transmitted(body, referenceYear);
        return of(parsed);
    }

    /**
     * Builds an element string from checked elements, applying the association rules.
     *
     * @param elements in the order they should be encoded
     * @return the element string
     * @throws org.medtrace.identifiers.InvalidIdentifierException if the rules are broken or the list is empty
     */
    public static Gs1ElementString of(final List<Gs1Element> elements) {
        Objects.requireNonNull(elements, "elements");
        List<Gs1Element> unique = new ArrayList<>();
        for (Gs1Element element : elements) {
            Optional<Gs1Element> same = unique.stream().filter(e -> e.ai() == element.ai()).findFirst();
            if (same.isEmpty()) {
                unique.add(element);
            } else if (!same.get().value().equals(element.value())) {
                throw CodeErrors.invalid(element.toString(), "ai(" + element.ai().code() + ")", "AI "
                        + element.ai() + " appears twice with different data: '" + same.get().value() + "' and '"
                        + element.value() + "'");
            }
        }
        if (unique.isEmpty()) {
            throw CodeErrors.invalid("", "elementString", "element string has no elements");
        }
        Gs1ElementString result = new Gs1ElementString(Collections.unmodifiableList(unique));
        result.checkAssociations();
        return result;
    }

    private void checkAssociations() {
        if (has("01") && has("02")) {
            throw CodeErrors.invalid(toHumanReadable(), "ai(02)",
                    "AIs (01) and (02) exclude each other: (02) names the content of a logistic unit, not a trade item");
        }
        for (Gs1Element element : elements) {
            List<String> needed = REQUIRES_ONE_OF.get(element.ai().code());
            if (needed != null && needed.stream().noneMatch(this::has)) {
                throw CodeErrors.invalid(toHumanReadable(), "ai(" + element.ai().code() + ")", "AI "
                        + element.ai() + " " + element.ai().title() + " needs AI (" + String.join(") or (", needed)
                        + ") in the same element string");
            }
        }
    }

    private boolean has(final String aiCode) {
        return elements.stream().anyMatch(e -> e.ai().code().equals(aiCode));
    }

    /** @return the elements, in encoding order */
    public List<Gs1Element> elements() {
        return elements;
    }

    /**
     * @param aiCode AI digits, for example {@code "21"}
     * @return the data of that AI, if present
     */
    public Optional<String> value(final String aiCode) {
        return elements.stream().filter(e -> e.ai().code().equals(aiCode)).map(Gs1Element::value).findFirst();
    }

    /** @return the GTIN of AI (01), if present */
    public Optional<Gtin> gtin() {
        return value("01").map(Gtin::parse);
    }

    /** @return the SSCC of AI (00), if present */
    public Optional<Sscc> sscc() {
        return value("00").map(Sscc::parse);
    }

    /** @return the batch or lot number of AI (10), if present */
    public Optional<String> batch() {
        return value("10");
    }

    /** @return the serial number of AI (21), if present */
    public Optional<String> serial() {
        return value("21");
    }

    /** @return the expiration date of AI (17), if present */
    public Optional<Gs1Date> expiry() {
        return dateOf("17");
    }

    /** @return the production date of AI (11), if present */
    public Optional<Gs1Date> productionDate() {
        return dateOf("11");
    }

    private Optional<Gs1Date> dateOf(final String aiCode) {
        return elements.stream().filter(e -> e.ai().code().equals(aiCode)).findFirst().flatMap(Gs1Element::date);
    }

    /**
     * The GS1 key this string identifies, most specific first: GTIN + serial (a unit), else SSCC (a logistic unit),
     * else GTIN + batch (a batch), else GTIN alone (a product).
     *
     * @return the key, or empty when the string holds none of these (for example only (414) and (254))
     */
    public Optional<Gs1Key> traceKey() {
        Optional<Gtin> gtin = gtin();
        if (gtin.isPresent() && serial().isPresent()) {
            return Optional.of(new Gs1Key.Item(gtin.get(), serial().get()));
        }
        if (sscc().isPresent()) {
            return Optional.of(new Gs1Key.LogisticUnit(sscc().get()));
        }
        if (gtin.isPresent() && batch().isPresent()) {
            return Optional.of(new Gs1Key.Batch(gtin.get(), batch().get()));
        }
        return gtin.map(Gs1Key.Product::new);
    }

    /** @return {@code (AI)data...}, the form printed under the symbol */
    public String toHumanReadable() {
        StringBuilder out = new StringBuilder();
        elements.forEach(out::append);
        return out.toString();
    }

    /**
     * @return the form a scanner transmits, without symbology identifier: elements concatenated, GS after every
     *     element that has no predefined length and is not the last
     */
    public String toTransmitted() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            Gs1Element element = elements.get(i);
            out.append(element.ai().code()).append(element.value());
            if (!element.ai().hasPredefinedLength() && i < elements.size() - 1) {
                out.append(GS);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Gs1ElementString other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** @return the human-readable form */
    @Override
    public String toString() {
        return toHumanReadable();
    }
}
