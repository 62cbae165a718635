// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.errors;

import java.util.Set;

/** Maps the chaincode's stable error codes to HTTP statuses (docs/chaincode-api.md, "Errors"). */
public final class ErrorCodes {

    /** Well-formed requests that break a business rule rather than the current state. */
    private static final Set<String> UNPROCESSABLE = Set.of("QUANTITY_EXCEEDED", "TEMPERATURE_RECORD_MISSING",
            "WRONG_PRODUCT_KIND", "PACKAGE_LEVEL_INVALID", "PRODUCT_KEY_MISMATCH", "EVENT_TIME_OUT_OF_ORDER",
            "RECEIVER_NOT_MEMBER");

    private ErrorCodes() {
    }

    /**
     * @param code a chaincode error code
     * @return the HTTP status for it
     */
    public static int httpStatus(final String code) {
        if (code.equals("CONSORTIUM_NOT_CONFIGURED")) {
            return 500; // the chaincode was deployed without its consortium authority: an operator must fix it
        }
        if (code.endsWith("_NOT_FOUND")) {
            return 404;
        }
        if (code.endsWith("_EXISTS") || code.equals("UNIT_ALREADY_COMMISSIONED")
                || code.equals("IDEMPOTENCY_KEY_REUSED")) {
            return 409;
        }
        if (code.equals("ACCESS_DENIED") || code.startsWith("NOT_")) {
            return 403;
        }
        if (code.startsWith("INVALID_") || code.equals("LIMIT_EXCEEDED")) {
            return 400;
        }
        if (UNPROCESSABLE.contains(code)) {
            return 422;
        }
        return 409;
    }

    /**
     * @param code a code
     * @return a short human title for it, e.g. "Unit already dispensed"
     */
    public static String title(final String code) {
        final String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
