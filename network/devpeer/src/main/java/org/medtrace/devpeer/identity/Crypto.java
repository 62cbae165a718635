// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The one place that touches message digests, randomness and ECDSA: SHA-256, P-256 keys, and signatures normalised
 * to low-S, which Fabric requires (it refuses high-S signatures because they are malleable).
 */
public final class Crypto {
    /** Order of the P-256 group. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger P256_HALF_ORDER = P256_ORDER.shiftRight(1);
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

    /** ECDSA over SHA-256, DER encoded, with S normalised to the lower half of the group order. */
    public static byte[] sign(final PrivateKey key, final byte[] data) {
        try {
            final Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(data);
            return toLowS(signer.sign());
        } catch (final GeneralSecurityException | IOException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /**
     * Verifies an ECDSA-SHA256 signature as Fabric's MSP does: the signature must be valid DER and low-S.
     *
     * @return true only if the signature is well formed, low-S and valid for the data
     */
    public static boolean verify(final PublicKey key, final byte[] data, final byte[] signature) {
        try {
            final BigInteger[] rs = decode(signature);
            if (rs[1].signum() <= 0 || rs[1].compareTo(P256_HALF_ORDER) > 0) {
                return false;
            }
            final Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (final GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] toLowS(final byte[] der) throws IOException {
        final BigInteger[] rs = decode(der);
        if (rs[1].compareTo(P256_HALF_ORDER) <= 0) {
            return der;
        }
        final ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1Integer(rs[0]));
        vector.add(new ASN1Integer(P256_ORDER.subtract(rs[1])));
        return new DERSequence(vector).getEncoded("DER");
    }

    private static BigInteger[] decode(final byte[] der) throws IOException {
        final ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        if (sequence.size() != 2) {
            throw new IOException("an ECDSA signature is a sequence of two integers");
        }
        return new BigInteger[] {
            ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()
        };
    }
}
