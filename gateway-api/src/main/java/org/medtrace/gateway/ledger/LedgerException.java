// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Optional;

/** Base of every failure talking to the ledger; carries the ledger transaction id when there is one. */
public class LedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String transactionId;

    /**
     * @param message what failed
     * @param transactionId the ledger transaction id, or null
     */
    public LedgerException(final String message, final String transactionId) {
        super(message);
        this.transactionId = transactionId;
    }

    /**
     * @param message what failed
     * @param transactionId the ledger transaction id, or null
     * @param cause the SDK's exception
     */
    public LedgerException(final String message, final String transactionId, final Throwable cause) {
        super(message, cause);
        this.transactionId = transactionId;
    }

    /**
     * @param cause the SDK's exception
     */
    public LedgerException(final Throwable cause) {
        super(cause);
        this.transactionId = null;
    }

    /** @return the ledger transaction id, if the failure happened after one was assigned. */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }
}
