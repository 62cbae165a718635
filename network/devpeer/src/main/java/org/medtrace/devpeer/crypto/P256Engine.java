// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/** An implementation of P-256 ECDSA over digests; keys are checked to be P-256 before they get here. */
interface P256Engine {
    /** For logs and the benchmark: which implementation this is. */
    String name();

    SigningKey signingKey(ECPrivateKey key);

    VerificationKey verificationKey(ECPublicKey key);
}
