// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Objects;

/** The chaincode refused the request; {@link #code()} is its stable error code, e.g. {@code UNIT_ALREADY_DISPENSED}. */
public final class ChaincodeRefusedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String chaincodeMessage;

    /**
     * @param code the chaincode's error code
     * @param chaincodeMessage the chaincode's message without the code
     * @param transactionId the refused transaction's id, or null
     * @param cause the SDK's exception
     */
    public ChaincodeRefusedException(final String code, final String chaincodeMessage, final String transactionId,
            final Throwable cause) {
        super("[" + code + "] " + chaincodeMessage, transactionId, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.chaincodeMessage = Objects.requireNonNull(chaincodeMessage, "chaincodeMessage");
    }

    /** @return the chaincode's stable error code. */
    public String code() {
        return code;
    }

    /** @return the chaincode's message, without the bracketed code. */
    public String chaincodeMessage() {
        return chaincodeMessage;
    }
}
