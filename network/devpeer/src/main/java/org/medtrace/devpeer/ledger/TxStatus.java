// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Where a committed transaction is and how it was validated. */
public final class TxStatus {
    private final String txId;
    private final long blockNumber;
    private final int txNumber;
    private final TxValidationCode code;

    /** Creates the value. */
    public TxStatus(final String txId, final long blockNumber, final int txNumber, final TxValidationCode code) {
        this.txId = txId;
        this.blockNumber = blockNumber;
        this.txNumber = txNumber;
        this.code = code;
    }

    /** The transaction id. */
    public String txId() {
        return txId;
    }

    /** The block holding it. */
    public long blockNumber() {
        return blockNumber;
    }

    /** Its position in the block. */
    public int txNumber() {
        return txNumber;
    }

    /** Its validation code. */
    public TxValidationCode code() {
        return code;
    }
}
