// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.codes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medtrace.gateway.app.MedtraceConfig;
import org.medtrace.identifiers.InvalidIdentifierException;
import org.medtrace.identifiers.codes.CodeReader;
import org.medtrace.identifiers.codes.IdentifierMapping;

/**
 * Turns a code in any scanned form (industrial-internet identifier, 20-digit NMPA drug traceability code, GS1 element
 * string, GS1 Digital Link URI) into the canonical identifier the ledger keys it by, through identifier-resolver.
 * Every code that enters the gateway passes through here, so the ledger and the read model see one spelling.
 */
@ApplicationScoped
public class CodeParser {

    /** Longest scanned text accepted. */
    public static final int SCANNED_LENGTH_MAX = CodeReader.INPUT_LENGTH_MAX;

    private final IdentifierMapping mapping;

    /** @param config configuration: the enterprise prefix of scanned codes */
    @Inject
    public CodeParser(final MedtraceConfig config) {
        this(config.identifiers().enterprisePrefix());
    }

    /**
     * @param enterprisePrefix the prefix codes scanned in a non-identifier form are named under
     * @throws InvalidIdentifierException if the prefix is invalid
     */
    public CodeParser(final String enterprisePrefix) {
        this.mapping = IdentifierMapping.forPrefix(enterprisePrefix);
    }

    /**
     * @param scanned the code as scanned or typed
     * @return the canonical identifier text
     * @throws InvalidCodeException if the text is no code in any supported form
     */
    public String canonical(final String scanned) {
        if (scanned == null || scanned.isBlank()) {
            throw new InvalidCodeException("is empty");
        }
        try {
            return mapping.identifierFor(CodeReader.read(scanned)).toString();
        } catch (InvalidIdentifierException e) {
            throw new InvalidCodeException("is not a code in any supported form: " + e.getMessage());
        }
    }
}
