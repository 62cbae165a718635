// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/** Fabric's low-S rule for P-256 ECDSA signatures, and their DER encoding. */
final class LowS {
    /** Order of the P-256 group. */
    static final BigInteger ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    static final BigInteger HALF_ORDER = ORDER.shiftRight(1);
    static final int DIGEST_BYTES = 32;

    private LowS() {
    }

    /** {@code (r, s)} of a DER signature. */
    static BigInteger[] decode(final byte[] der) throws IOException {
        final ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        if (sequence.size() != 2) {
            throw new IOException("an ECDSA signature is a sequence of two integers");
        }
        return new BigInteger[] {
            ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()
        };
    }

    static byte[] encode(final BigInteger r, final BigInteger s) {
        final ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1Integer(r));
        vector.add(new ASN1Integer(s));
        try {
            return new DERSequence(vector).getEncoded("DER");
        } catch (final IOException e) {
            throw new IllegalStateException("DER encoding of two integers failed", e);
        }
    }

    /** True if S is in {@code [1, n/2]}. */
    static boolean isLow(final BigInteger s) {
        return s.signum() > 0 && s.compareTo(HALF_ORDER) <= 0;
    }

    /** The signature itself if its S is low, else the same signature with S replaced by {@code n - S}. */
    static byte[] normalize(final byte[] der) {
        final BigInteger[] rs;
        try {
            rs = decode(der);
        } catch (final IOException e) {
            throw new IllegalStateException("the ECDSA implementation returned a malformed signature", e);
        }
        return isLow(rs[1]) ? der : encode(rs[0], ORDER.subtract(rs[1]));
    }

    /** True if the DER signature decodes and its S is low; the curve arithmetic is left to the caller. */
    static boolean hasLowS(final byte[] der) {
        try {
            final BigInteger[] rs = decode(der);
            return rs[0].signum() > 0 && rs[0].compareTo(ORDER) < 0 && isLow(rs[1]);
        } catch (final IOException | RuntimeException e) {
            return false;
        }
    }

    static void checkDigest(final byte[] digest) {
        if (digest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, not " + digest.length);
        }
    }
}
