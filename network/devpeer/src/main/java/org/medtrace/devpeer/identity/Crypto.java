// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.medtrace.devpeer.crypto.P256;
import org.medtrace.devpeer.crypto.SigningKey;
import org.medtrace.devpeer.crypto.VerificationKey;

/**
 * The one place that touches message digests, randomness and ECDSA: SHA-256, P-256 keys, and signatures normalised
 * to low-S, which Fabric requires (it refuses high-S signatures because they are malleable).
 */
public final class Crypto {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    /** SHA-256 of the concatenation of the given parts. */
    public static byte[] sha256(final byte[]... parts) {
        final MessageDigest digest = newSha256();
        for (final byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** A fresh SHA-256 digest, for callers that hash many parts. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Random bytes, for nonces and serial numbers. */
    public static byte[] randomBytes(final int length) {
        final byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A new EC key pair on P-256 (secp256r1), the curve Fabric's default MSP uses. */
    public static KeyPair newP256KeyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (final NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("P-256 key generation is unavailable", e);
        }
    }

    /** A reusable P-256 signer for a private key (see {@link P256} for the implementation used). */
    public static Signer signer(final PrivateKey key) {
        return new Signer(P256.signingKey(key));
    }

    /** A reusable verifier for a P-256 public key. */
    public static Verifier verifier(final PublicKey key) {
        return new Verifier(P256.verificationKey(key));
    }

    /** Signs with one private key. Thread-safe. */
    public static final class Signer {
        private final SigningKey key;

        private Signer(final SigningKey key) {
            this.key = key;
        }

        /** A low-S DER ECDSA-SHA256 signature over the data. */
        public byte[] sign(final byte[] data) {
            return key.signDigest(sha256(data));
        }
    }

    /** Verifies signatures of one public key. Thread-safe. */
    public static final class Verifier {
        private final VerificationKey key;

        private Verifier(final VerificationKey key) {
            this.key = key;
        }

        /** True only if the signature is well formed, low-S and valid for the data. */
        public boolean verify(final byte[] data, final byte[] signature) {
            return key.verifyDigest(sha256(data), signature);
        }
    }
}
