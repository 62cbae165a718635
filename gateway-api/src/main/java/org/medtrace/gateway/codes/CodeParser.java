// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.codes;

import jakarta.enterprise.context.ApplicationScoped;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;

/**
 * Turns a code in any scanned form into the canonical identifier the ledger keys it by. Every code that enters the
 * gateway (request bodies, query parameters, paths) passes through here, so the ledger and the read model only ever
 * see one spelling of a code.
 */
@ApplicationScoped
public class CodeParser {

    /** Longest scanned text accepted (a GS1 Digital Link URI with every qualifier fits comfortably). */
    public static final int SCANNED_LENGTH_MAX = 512;

    /**
     * @param scanned the code as scanned or typed
     * @return the canonical identifier text
     * @throws InvalidCodeException if the text is no code in any supported form
     */
    public String canonical(final String scanned) {
        if (scanned == null || scanned.isBlank()) {
            throw new InvalidCodeException("is empty");
        }
        final String text = scanned.strip();
        if (text.length() > SCANNED_LENGTH_MAX) {
            throw new InvalidCodeException("is longer than " + SCANNED_LENGTH_MAX + " characters");
        }
        try {
            return Identifier.parse(text).toString();
        } catch (InvalidIdentifierException e) {
            throw new InvalidCodeException("is not an identifier (" + e.getMessage() + ")");
        }
    }
}
