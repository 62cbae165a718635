// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.codes;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One GS1 Application Identifier (AI) and the format of its data, from the GS1 General Specifications. The table
 * holds the AIs found on medicine packs and logistic labels: SSCC (00), GTIN (01), content (02), batch (10), dates
 * (11, 12, 13, 15, 16, 17), variant (20), serial (21), CPV (22), counts (30, 37), additional identifications
 * (240, 241, 250, 251, 254), net weight in kg (3100-3105), order number (400), GLNs (410-415), origin (422),
 * expiry date and time (7003), GIAI (8004) and internal data (90-99). An AI not in the table is rejected with a
 * clear error rather than guessed, because its length cannot be known.
 *
 * <p>Whether an element needs a separator (FNC1, transmitted as GS) after it does not follow from its own length
 * but from the GS1 table of predefined lengths, keyed by the first two digits of the AI; see
 * {@link #hasPredefinedLength()}.
 */
public final class Gs1ApplicationIdentifier {
    /** What characters the data may hold. */
    public enum Content {
        /** Digits only. */
        NUMERIC,
        /** GS1 character set 82. */
        ALPHANUMERIC
    }

    /** How the data is checked beyond its characters. */
    public enum Check {
        /** No further check. */
        NONE,
        /** The last digit is a GS1 mod-10 check digit. */
        CHECK_DIGIT,
        /** YYMMDD; day 00 means the last day of the month. */
        DATE,
        /** YYMMDDhhmm; day 00 is not allowed. */
        DATE_TIME
    }

    // First two digits of the AIs whose element length is predefined (GS1 General Specifications), with that
    // length including the AI. Only these may be followed by another element without FNC1.
    private static final Map<String, Integer> PREDEFINED_LENGTHS = Map.ofEntries(
            Map.entry("00", 20), Map.entry("01", 16), Map.entry("02", 16), Map.entry("03", 16),
            Map.entry("04", 18), Map.entry("11", 8), Map.entry("12", 8), Map.entry("13", 8), Map.entry("14", 8),
            Map.entry("15", 8), Map.entry("16", 8), Map.entry("17", 8), Map.entry("18", 8), Map.entry("19", 8),
            Map.entry("20", 4), Map.entry("31", 10), Map.entry("32", 10), Map.entry("33", 10),
            Map.entry("34", 10), Map.entry("35", 10), Map.entry("36", 10), Map.entry("41", 16));

    private static final Map<String, Gs1ApplicationIdentifier> TABLE = buildTable();

    /** AI (00): Serial Shipping Container Code. */
    public static final Gs1ApplicationIdentifier SSCC = TABLE.get("00");
    /** AI (01): Global Trade Item Number. */
    public static final Gs1ApplicationIdentifier GTIN = TABLE.get("01");
    /** AI (02): GTIN of the trade items contained in a logistic unit. */
    public static final Gs1ApplicationIdentifier CONTENT = TABLE.get("02");
    /** AI (10): batch or lot number (批号). */
    public static final Gs1ApplicationIdentifier BATCH = TABLE.get("10");
    /** AI (11): production date (生产日期). */
    public static final Gs1ApplicationIdentifier PRODUCTION_DATE = TABLE.get("11");
    /** AI (17): expiration date (有效期至). */
    public static final Gs1ApplicationIdentifier EXPIRY_DATE = TABLE.get("17");
    /** AI (21): serial number. */
    public static final Gs1ApplicationIdentifier SERIAL = TABLE.get("21");
    /** AI (22): consumer product variant. */
    public static final Gs1ApplicationIdentifier CPV = TABLE.get("22");
    /** AI (254): GLN extension component. */
    public static final Gs1ApplicationIdentifier GLN_EXTENSION = TABLE.get("254");
    /** AI (414): GLN of a physical location. */
    public static final Gs1ApplicationIdentifier LOCATION_GLN = TABLE.get("414");

    private final String code;
    private final String title;
    private final Content content;
    private final int lengthMin;
    private final int lengthMax;
    private final Check check;

    private Gs1ApplicationIdentifier(final String code, final String title, final Content content,
            final int lengthMin, final int lengthMax, final Check check) {
        this.code = code;
        this.title = title;
        this.content = content;
        this.lengthMin = lengthMin;
        this.lengthMax = lengthMax;
        this.check = check;
    }

    private static Map<String, Gs1ApplicationIdentifier> buildTable() {
        Map<String, Gs1ApplicationIdentifier> table = new LinkedHashMap<>();
        numeric(table, "00", "SSCC", 18, Check.CHECK_DIGIT);
        numeric(table, "01", "GTIN", 14, Check.CHECK_DIGIT);
        numeric(table, "02", "CONTENT", 14, Check.CHECK_DIGIT);
        alpha(table, "10", "BATCH/LOT", 20);
        numeric(table, "11", "PROD DATE", 6, Check.DATE);
        numeric(table, "12", "DUE DATE", 6, Check.DATE);
        numeric(table, "13", "PACK DATE", 6, Check.DATE);
        numeric(table, "15", "BEST BEFORE", 6, Check.DATE);
        numeric(table, "16", "SELL BY", 6, Check.DATE);
        numeric(table, "17", "USE BY OR EXPIRY", 6, Check.DATE);
        numeric(table, "20", "VARIANT", 2, Check.NONE);
        alpha(table, "21", "SERIAL", 20);
        alpha(table, "22", "CPV", 20);
        table.put("30", new Gs1ApplicationIdentifier("30", "VAR. COUNT", Content.NUMERIC, 1, 8, Check.NONE));
        table.put("37", new Gs1ApplicationIdentifier("37", "COUNT", Content.NUMERIC, 1, 8, Check.NONE));
        alpha(table, "240", "ADDITIONAL ID", 30);
        alpha(table, "241", "CUST. PART No.", 30);
        alpha(table, "250", "SECONDARY SERIAL", 30);
        alpha(table, "251", "REF. TO SOURCE", 30);
        alpha(table, "254", "GLN EXTENSION COMPONENT", 20);
        for (int decimals = 0; decimals <= 5; decimals++) {
            numeric(table, "310" + decimals, "NET WEIGHT (kg)", 6, Check.NONE);
        }
        alpha(table, "400", "ORDER NUMBER", 30);
        numeric(table, "410", "SHIP TO LOC", 13, Check.CHECK_DIGIT);
        numeric(table, "411", "BILL TO", 13, Check.CHECK_DIGIT);
        numeric(table, "412", "PURCHASE FROM", 13, Check.CHECK_DIGIT);
        numeric(table, "413", "SHIP FOR LOC", 13, Check.CHECK_DIGIT);
        numeric(table, "414", "LOC No.", 13, Check.CHECK_DIGIT);
        numeric(table, "415", "PAY TO", 13, Check.CHECK_DIGIT);
        numeric(table, "422", "ORIGIN", 3, Check.NONE);
        numeric(table, "7003", "EXPIRY TIME", 10, Check.DATE_TIME);
        alpha(table, "8004", "GIAI", 30);
        alpha(table, "90", "INTERNAL", 30);
        for (int ai = 91; ai <= 99; ai++) {
            alpha(table, Integer.toString(ai), "INTERNAL", 90);
        }
        return Collections.unmodifiableMap(table);
    }

    private static void numeric(final Map<String, Gs1ApplicationIdentifier> table, final String code,
            final String title, final int length, final Check check) {
        table.put(code, new Gs1ApplicationIdentifier(code, title, Content.NUMERIC, length, length, check));
    }

    private static void alpha(final Map<String, Gs1ApplicationIdentifier> table, final String code,
            final String title, final int lengthMax) {
        table.put(code, new Gs1ApplicationIdentifier(code, title, Content.ALPHANUMERIC, 1, lengthMax, Check.NONE));
    }

    /**
     * @param code the AI digits, for example {@code "17"}
     * @return the AI, or empty if it is not in the table
     */
    public static Optional<Gs1ApplicationIdentifier> lookup(final String code) {
        return Optional.ofNullable(TABLE.get(Objects.requireNonNull(code, "code")));
    }

    /**
     * Finds the AI that starts at {@code position}. GS1 AIs are prefix-free, so at most one of the 2-, 3- and
     * 4-digit candidates is in the table.
     *
     * @param text an element string
     * @param position where an AI should start
     * @return the AI, or empty if no AI of the table starts there
     */
    public static Optional<Gs1ApplicationIdentifier> at(final CharSequence text, final int position) {
        for (int length = 2; length <= 4 && position + length <= text.length(); length++) {
            Gs1ApplicationIdentifier ai = TABLE.get(text.subSequence(position, position + length).toString());
            if (ai != null) {
                return Optional.of(ai);
            }
        }
        return Optional.empty();
    }

    /** @return every AI in the table, in table order */
    public static Collection<Gs1ApplicationIdentifier> all() {
        return TABLE.values();
    }

    /** @return the codes of every AI in the table */
    public static Set<String> codes() {
        return TABLE.keySet();
    }

    /** @return the AI digits, for example {@code "01"} */
    public String code() {
        return code;
    }

    /** @return the GS1 data title, for example {@code "GTIN"} */
    public String title() {
        return title;
    }

    /** @return what characters the data may hold */
    public Content content() {
        return content;
    }

    /** @return the shortest data allowed, in characters */
    public int lengthMin() {
        return lengthMin;
    }

    /** @return the longest data allowed, in characters */
    public int lengthMax() {
        return lengthMax;
    }

    /** @return true if the data always has exactly {@link #lengthMax()} characters */
    public boolean isFixedLength() {
        return lengthMin == lengthMax;
    }

    /** @return the check applied to the data beyond its characters */
    public Check check() {
        return check;
    }

    /**
     * @return true if the AI is in the GS1 table of predefined lengths, so that the next element may follow it
     *     without a separator; every other element needs FNC1 (GS) after it unless it is the last one
     */
    public boolean hasPredefinedLength() {
        return PREDEFINED_LENGTHS.containsKey(code.substring(0, 2));
    }

    /** @return {@code (code)}, as printed in the human-readable form */
    @Override
    public String toString() {
        return "(" + code + ")";
    }
}
