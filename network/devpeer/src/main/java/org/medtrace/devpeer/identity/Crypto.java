// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

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
    private static final ECDomainParameters P256;

    static {
        final X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        P256 = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

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

    /**
     * A reusable P-256 signer for a private key. BouncyCastle's P-256 arithmetic is used rather than the JDK's:
     * on Java 17 the JDK's takes several milliseconds per signature, ten times BouncyCastle's.
     */
    public static Signer signer(final PrivateKey key) {
        if (!(key instanceof ECPrivateKey)) {
            throw new IllegalArgumentException("not an EC private key: " + key.getAlgorithm());
        }
        return new Signer(new ECPrivateKeyParameters(((ECPrivateKey) key).getS(), P256));
    }

    /** A reusable verifier for a P-256 public key (it keeps the key's precomputed multiples). */
    public static Verifier verifier(final PublicKey key) {
        if (!(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException("not an EC public key: " + key.getAlgorithm());
        }
        final ECPublicKey ec = (ECPublicKey) key;
        final ECPoint point = P256.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY());
        return new Verifier(new ECPublicKeyParameters(point, P256));
    }

    /** Signs with one private key. Thread-safe. */
    public static final class Signer {
        private final ECPrivateKeyParameters key;

        private Signer(final ECPrivateKeyParameters key) {
            this.key = key;
        }

        /** A low-S DER ECDSA-SHA256 signature over the data (deterministic k, RFC 6979). */
        public byte[] sign(final byte[] data) {
            final ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, key);
            final BigInteger[] rs = signer.generateSignature(sha256(data));
            final BigInteger s = rs[1].compareTo(P256_HALF_ORDER) > 0 ? P256_ORDER.subtract(rs[1]) : rs[1];
            final ASN1EncodableVector vector = new ASN1EncodableVector();
            vector.add(new ASN1Integer(rs[0]));
            vector.add(new ASN1Integer(s));
            try {
                return new DERSequence(vector).getEncoded("DER");
            } catch (final IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Verifies signatures of one public key. Thread-safe. */
    public static final class Verifier {
        private final ECPublicKeyParameters key;

        private Verifier(final ECPublicKeyParameters key) {
            this.key = key;
        }

        /** True only if the signature is well formed, low-S and valid for the data. */
        public boolean verify(final byte[] data, final byte[] signature) {
            try {
                final BigInteger[] rs = decode(signature);
                if (rs[1].signum() <= 0 || rs[1].compareTo(P256_HALF_ORDER) > 0) {
                    return false;
                }
                final ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, key);
                return verifier.verifySignature(sha256(data), rs[0], rs[1]);
            } catch (final IOException | RuntimeException e) {
                return false;
            }
        }
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
