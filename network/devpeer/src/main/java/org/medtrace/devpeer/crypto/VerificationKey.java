// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

/** A P-256 public key that accepts only the signatures Fabric accepts: DER, low-S, valid. Thread-safe. */
public interface VerificationKey {
    /**
     * Verifies a signature over a SHA-256 digest.
     *
     * @param digest the 32-byte SHA-256 digest of the signed data
     * @param signature a DER {@code ECDSA-Sig-Value}
     * @return true only if the signature is well formed, low-S and valid for the digest; false for anything else,
     *     garbage and a digest of the wrong length included
     * @throws NullPointerException if an argument is null
     */
    boolean verifyDigest(byte[] digest, byte[] signature);
}
