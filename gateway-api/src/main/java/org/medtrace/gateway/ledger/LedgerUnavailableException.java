// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

/** The ledger could not be reached or did not answer within its deadline; retrying later may succeed. */
public final class LedgerUnavailableException extends LedgerException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param transactionId the transaction id, or null
     * @param cause the SDK's exception
     */
    public LedgerUnavailableException(final String message, final String transactionId, final Throwable cause) {
        super(message, transactionId, cause);
    }
}
