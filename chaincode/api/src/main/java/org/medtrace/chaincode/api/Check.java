// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.medtrace.chaincode.api.model.Quantity;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.codes.Gs1CheckDigit;

/**
 * Field validation for request records. Every method names the field it refuses, returns the value normalised, and
 * throws {@link FieldProblem}; request records call these from their compact constructors.
 *
 * <pre>{@code
 * record ShipRequest(String shipmentId, String to) {
 *     ShipRequest {
 *         shipmentId = Check.reference("shipmentId", shipmentId);
 *         to = Check.msp("to", to);
 *     }
 * }
 * }</pre>
 */
public final class Check {
    private static final Pattern CLIENT_EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UOM = Pattern.compile("[A-Z0-9]{2,3}");
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern PRODUCT_CODE = Pattern.compile("[0-9]{7}");
    private static final Pattern GTIN = Pattern.compile("[0-9]{8}|[0-9]{12,14}");
    /** The 31 characters of a 统一社会信用代码 (no I, O, S, V, Z), in the order of their values 0..30. */
    private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** U+10FFFF: Fabric's composite keys use it as a range-end marker, so no key segment may hold it. */
    public static final String KEY_RESERVED = new String(Character.toChars(Character.MAX_CODE_POINT));
    private static final int URI_LENGTH_MAX = 512;
    private static final int BOOKMARK_LENGTH_MAX = 1024;
    private static final int DECIMAL_SCALE_MAX = 6;
    private static final int DECIMAL_PRECISION_MAX = 18;

    private Check() {
    }

    /**
     * @param field field name
     * @param value any value
     * @param <T> its type
     * @return the value
     * @throws FieldProblem if the value is null
     */
    public static <T> T required(final String field, final T value) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    /** @return the text, stripped, 1..max characters, without control characters; throws if absent */
    public static String text(final String field, final String value, final int max) {
        String stripped = required(field, value).strip();
        if (stripped.isEmpty()) {
            throw invalid(field, "must not be blank");
        }
        if (stripped.length() > max) {
            throw invalid(field, "is " + stripped.length() + " characters long, at most " + max + " are allowed");
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                throw invalid(field, "contains a control character at position " + (i + 1));
            }
        }
        return stripped;
    }

    /** @return the text as {@link #text}, or null when absent */
    public static String optionalText(final String field, final String value, final int max) {
        return value == null ? null : text(field, value, max);
    }

    /** @return a free-text field of at most {@link Limits#TEXT_LENGTH_MAX} characters */
    public static String text(final String field, final String value) {
        return text(field, value, Limits.TEXT_LENGTH_MAX);
    }

    /** @return an optional free-text field of at most {@link Limits#TEXT_LENGTH_MAX} characters */
    public static String optionalText(final String field, final String value) {
        return optionalText(field, value, Limits.TEXT_LENGTH_MAX);
    }

    /**
     * @return an opaque bookmark the peer returned (it may hold any character, composite-key separators included),
     *     at most 1024 characters; "" when absent
     */
    public static String bookmark(final String field, final String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > BOOKMARK_LENGTH_MAX) {
            throw invalid(field, "is longer than " + BOOKMARK_LENGTH_MAX + " characters");
        }
        return value;
    }

    /** @return the client event id, 1..128 characters of {@code [A-Za-z0-9._:-]} */
    public static String clientEventId(final String field, final String value) {
        return matching(field, value, CLIENT_EVENT_ID, "1 to 128 characters of A-Z a-z 0-9 . _ : -");
    }

    /** @return a reference id (shipment, hold, recall, ...), 1..128 characters of {@code [A-Za-z0-9._:/-]} */
    public static String reference(final String field, final String value) {
        return matching(field, value, REFERENCE, "1 to 128 characters of A-Z a-z 0-9 . _ : / -");
    }

    /** @return an MSP id such as {@code ShenDistMSP} */
    public static String msp(final String field, final String value) {
        return matching(field, value, MSP_ID, "an MSP id: a letter or digit, then up to 63 of A-Z a-z 0-9 . _ -");
    }

    /**
     * @return a 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters of
     *     {@code 0-9 A-H J-N P-R T U W-Y}, upper-cased, whose last character is the check character over the first 17
     * @throws FieldProblem if the form or the check character is wrong
     */
    public static String creditCode(final String field, final String value) {
        String code = matching(field, required(field, value).strip().toUpperCase(java.util.Locale.ROOT),
                CREDIT_CODE, "18 characters of 0-9 A-H J-N P-R T U W-Y (统一社会信用代码)");
        char expected = creditCodeCheck(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            throw invalid(field, "'" + code + "' has a wrong check character (GB 32100-2015): expected "
                    + expected);
        }
        return code;
    }

    /**
     * @param first17 the first 17 characters of a 统一社会信用代码
     * @return its check character: 31 minus the weighted sum (weights 3^i mod 31) mod 31, 31 written as 0
     */
    public static char creditCodeCheck(final String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CREDIT_CODE_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** @return a UN/ECE Recommendation 20 unit code such as {@code KGM} */
    public static String uom(final String field, final String value) {
        return matching(field, value, UOM, "a UN/ECE Rec 20 unit code (2 or 3 of A-Z 0-9, e.g. KGM)");
    }

    /** @return the 7-digit 药品标识码, or null when absent */
    public static String optionalProductCode(final String field, final String value) {
        return value == null ? null : matching(field, value, PRODUCT_CODE, "7 digits (药品标识码)");
    }

    /**
     * @return the GTIN as 14 digits (GTIN-8/12/13 are left-padded with zeros), or null when absent
     * @throws FieldProblem if the length or the GS1 check digit is wrong
     */
    public static String optionalGtin(final String field, final String value) {
        if (value == null) {
            return null;
        }
        String digits = matching(field, value, GTIN, "a GTIN of 8, 12, 13 or 14 digits");
        if (!Gs1CheckDigit.isValid(digits)) {
            throw invalid(field, "'" + digits + "' has a wrong GS1 check digit");
        }
        return "0".repeat(14 - digits.length()) + digits;
    }

    /** @return the lower-case hex of a SHA-256 digest */
    public static String sha256Hex(final String field, final String value) {
        return matching(field, value, HEX_SHA256, "64 hexadecimal digits (a SHA-256 digest)")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @return the identifier, parsed and normalised ({@code <prefix>/<suffix>})
     * @throws FieldProblem with INVALID_IDENTIFIER if it is not an identifier
     */
    public static String identifier(final String field, final String value) {
        required(field, value);
        String id;
        try {
            id = Identifier.parse(value).toString();
        } catch (InvalidIdentifierException e) {
            throw new FieldProblem(ErrorCode.INVALID_IDENTIFIER, field, e.getMessage());
        }
        if (id.contains(KEY_RESERVED)) {
            throw new FieldProblem(ErrorCode.INVALID_IDENTIFIER, field,
                    "contains U+10FFFF, which ledger keys cannot hold");
        }
        return id;
    }

    /** @return the identifier as {@link #identifier}, or null when absent */
    public static String optionalIdentifier(final String field, final String value) {
        return value == null ? null : identifier(field, value);
    }

    /**
     * Checks a list of identifiers: size within bounds, every element an identifier, no duplicates after normalising.
     *
     * @return the normalised identifiers, in request order
     * @throws FieldProblem with LIMIT_EXCEEDED above {@code max}
     */
    public static List<String> identifiers(final String field, final List<String> values, final int min,
            final int max) {
        List<String> checked = list(field, values, min, max);
        List<String> normal = new ArrayList<>(checked.size());
        Map<String, Integer> seen = new HashMap<>(checked.size() * 2);
        for (int i = 0; i < checked.size(); i++) {
            String element = field + "[" + i + "]";
            String id = identifier(element, checked.get(i));
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                throw invalid(element, "'" + id + "' repeats " + field + "[" + earlier + "]");
            }
            normal.add(id);
        }
        return List.copyOf(normal);
    }

    /** @return the identifiers as {@link #identifiers}, or null when the list is absent */
    public static List<String> optionalIdentifiers(final String field, final List<String> values, final int min,
            final int max) {
        return values == null ? null : identifiers(field, values, min, max);
    }

    /**
     * @return the list, immutable, with min..max non-null elements
     * @throws FieldProblem with LIMIT_EXCEEDED above {@code max}, INVALID_ARGUMENT otherwise
     */
    public static <T> List<T> list(final String field, final List<T> values, final int min, final int max) {
        required(field, values);
        if (values.size() > max) {
            throw new FieldProblem(ErrorCode.LIMIT_EXCEEDED, field,
                    "has " + values.size() + " elements, at most " + max + " are allowed");
        }
        if (values.size() < min) {
            throw invalid(field, "has " + values.size() + " elements, at least " + min + " are required");
        }
        for (int i = 0; i < values.size(); i++) {
            required(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    /** @return the integer, within min..max inclusive */
    public static int range(final String field, final Integer value, final int min, final int max) {
        required(field, value);
        if (value < min || value > max) {
            throw invalid(field, value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    /** @return the integer as {@link #range}, or null when absent */
    public static Integer optionalRange(final String field, final Integer value, final int min, final int max) {
        return value == null ? null : range(field, value, min, max);
    }

    /**
     * @return the decimal, within min..max inclusive, with at most 6 decimal places, trailing zeros removed (so that
     *     equal amounts encode to equal bytes)
     */
    public static BigDecimal decimal(final String field, final BigDecimal value, final BigDecimal min,
            final BigDecimal max) {
        required(field, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(field, value.toPlainString() + " is out of range " + min.toPlainString() + ".."
                    + max.toPlainString());
        }
        BigDecimal normal = Quantity.normal(value);
        if (normal.scale() > DECIMAL_SCALE_MAX || normal.precision() > DECIMAL_PRECISION_MAX) {
            throw invalid(field, value.toPlainString() + " has more than " + DECIMAL_SCALE_MAX
                    + " decimal places or " + DECIMAL_PRECISION_MAX + " digits");
        }
        return normal;
    }

    /** @return the decimal as {@link #decimal}, or null when absent */
    public static BigDecimal optionalDecimal(final String field, final BigDecimal value, final BigDecimal min,
            final BigDecimal max) {
        return value == null ? null : decimal(field, value, min, max);
    }

    /** @return a temperature in degrees Celsius, -100..100 */
    public static BigDecimal celsius(final String field, final BigDecimal value) {
        return decimal(field, value, BigDecimal.valueOf(-100), BigDecimal.valueOf(100));
    }

    /** @return a positive quantity (value &gt; 0, at most 10^12, a Rec 20 unit), normalised */
    public static Quantity positiveQuantity(final String field, final Quantity value) {
        required(field, value);
        BigDecimal amount = decimal(field + ".value", value.value(), BigDecimal.ZERO, BigDecimal.TEN.pow(12));
        if (amount.signum() == 0) {
            throw invalid(field + ".value", "must be greater than 0");
        }
        return new Quantity(amount, uom(field + ".uom", value.uom()));
    }

    /** @return the quantity as {@link #positiveQuantity}, or null when absent */
    public static Quantity optionalPositiveQuantity(final String field, final Quantity value) {
        return value == null ? null : positiveQuantity(field, value);
    }

    /**
     * @return an identifier (normalised) or an absolute URI, at most 512 characters; null when absent
     */
    public static String optionalLocation(final String field, final String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (!URI_SCHEME.matcher(stripped).matches()) {
            return identifier(field, stripped);
        }
        if (stripped.length() > URI_LENGTH_MAX) {
            throw invalid(field, "is longer than " + URI_LENGTH_MAX + " characters");
        }
        try {
            return new URI(stripped).toString();
        } catch (URISyntaxException e) {
            throw invalid(field, "is neither an identifier nor a URI: " + e.getReason());
        }
    }

    /** @return the value if it is one of the allowed ones */
    public static <T> T oneOf(final String field, final T value, final List<T> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw invalid(field, "'" + value + "' is not allowed here; allowed: " + allowed);
        }
        return value;
    }

    /** @return a FieldProblem with INVALID_ARGUMENT, to throw */
    public static FieldProblem invalid(final String field, final String problem) {
        return new FieldProblem(ErrorCode.INVALID_ARGUMENT, field, problem);
    }

    private static String matching(final String field, final String value, final Pattern pattern,
            final String expected) {
        required(field, value);
        if (!pattern.matcher(value).matches()) {
            String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
            throw invalid(field, "'" + shown + "' is not " + expected);
        }
        return value;
    }
}
