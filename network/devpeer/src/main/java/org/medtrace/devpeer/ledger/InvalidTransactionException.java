// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** A transaction envelope that cannot be committed, with the validation code Fabric records for it. */
public final class InvalidTransactionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TxValidationCode code;

    /** Creates the exception. */
    public InvalidTransactionException(final TxValidationCode code, final String message) {
        super(message);
        this.code = code;
    }

    /** The validation code. */
    public TxValidationCode code() {
        return code;
    }
}
