// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

/**
 * A P-256 private key that makes the signatures Fabric accepts: ECDSA, DER-encoded, with S in the lower half of the
 * group order (Fabric refuses the high-S twin of a signature because it is malleable). Thread-safe.
 */
public interface SigningKey {
    /**
     * Signs a SHA-256 digest.
     *
     * <p>{@code byte[] signature = key.signDigest(MessageDigest.getInstance("SHA-256").digest(data));}
     *
     * @param digest the 32-byte SHA-256 digest of the signed data
     * @return a low-S DER {@code ECDSA-Sig-Value}
     * @throws IllegalArgumentException if the digest is not 32 bytes
     * @throws NullPointerException if the digest is null
     */
    byte[] signDigest(byte[] digest);
}
