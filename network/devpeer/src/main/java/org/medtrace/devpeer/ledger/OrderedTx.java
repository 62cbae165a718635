// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import java.util.Objects;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A transaction as the ordering stage hands it to the committer: the envelope, parsed, with the result of the checks
 * that need no world state (signatures, endorsements, structure). The committer adds duplicate and MVCC checks.
 */
public final class OrderedTx {
    private final ParsedTx parsed;
    private final TxValidationCode precheck;
    private final int sizeBytes;
    private final EndorsementPolicyCheck endorsements;

    /**
     * Creates the value, for a transaction whose endorsement needs no state to check (decided in the precheck).
     *
     * @param precheck VALID if the stateless checks passed, else the code to record
     */
    public OrderedTx(final ParsedTx parsed, final TxValidationCode precheck) {
        this(parsed, precheck, null);
    }

    /**
     * Creates the value.
     *
     * @param precheck VALID if the stateless checks passed, else the code to record
     * @param endorsements the verified endorsements the committer checks against the chaincode's and the written
     *     keys' endorsement policies; null: no endorsement policy check at commit
     */
    public OrderedTx(final ParsedTx parsed, final TxValidationCode precheck,
            final EndorsementPolicyCheck endorsements) {
        this.parsed = Objects.requireNonNull(parsed, "parsed");
        this.precheck = Objects.requireNonNull(precheck, "precheck");
        this.sizeBytes = parsed.envelope().getSerializedSize();
        this.endorsements = endorsements;
    }

    /** The verified endorsements to check at commit, or null if the precheck decided. */
    public EndorsementPolicyCheck endorsements() {
        return endorsements;
    }

    /** The parsed envelope. */
    public ParsedTx parsed() {
        return parsed;
    }

    /** The stateless checks' verdict. */
    public TxValidationCode precheck() {
        return precheck;
    }

    /** The envelope's size in bytes, for block size limits. */
    public int sizeBytes() {
        return sizeBytes;
    }
}
