// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import java.util.Objects;

/**
 * The transaction was endorsed and ordered but the peer marked it invalid at commit (for example an MVCC read
 * conflict with a concurrent transaction): nothing was written, and the request may be retried.
 */
public final class TransactionInvalidatedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String validationCode;

    /**
     * @param validationCode Fabric's TxValidationCode name
     * @param transactionId the transaction id
     */
    public TransactionInvalidatedException(final String validationCode, final String transactionId) {
        super("transaction " + transactionId + " was not committed: " + validationCode, transactionId);
        this.validationCode = Objects.requireNonNull(validationCode, "validationCode");
    }

    /** @return Fabric's validation code name, e.g. {@code MVCC_READ_CONFLICT}. */
    public String validationCode() {
        return validationCode;
    }

    /**
     * @return whether a concurrent transaction changed what this one read (MVCC_READ_CONFLICT,
     *     PHANTOM_READ_CONFLICT): endorsing the same request again may well succeed
     */
    public boolean readConflict() {
        return "MVCC_READ_CONFLICT".equals(validationCode) || "PHANTOM_READ_CONFLICT".equals(validationCode);
    }
}
