// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;

/**
 * A transaction's endorsements, their signatures already verified, as the committer's endorsement-policy validation
 * (Fabric's VSCC with key-level validation) needs them: each key the transaction writes (value or metadata) that
 * has a {@code VALIDATION_PARAMETER} must satisfy that policy; the chaincode's policy applies to the keys without one,
 * and to a transaction that writes nothing.
 */
public interface EndorsementPolicyCheck {
    /** The metadata name under which a chaincode's {@code SetStateValidationParameter} stores a key's policy. */
    String VALIDATION_PARAMETER = "VALIDATION_PARAMETER";

    /** True if the endorsements satisfy the chaincode's endorsement policy. */
    boolean satisfiesChaincodePolicy();

    /**
     * True if the endorsements satisfy a key's validation parameter; false also if the parameter is not a
     * signature policy this peer can evaluate (as Fabric, which cannot evaluate it either, invalidates).
     */
    boolean satisfies(ByteString validationParameter);
}
