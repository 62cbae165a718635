// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * P-256 ECDSA in pure Java, the fallback where Conscrypt's native library does not load. BouncyCastle's custom
 * P-256 arithmetic rather than the JDK's: on Java 17 the JDK's costs several milliseconds per operation.
 */
final class BouncyCastleP256 implements P256Engine {
    private static final ECDomainParameters CURVE;

    static {
        final X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        CURVE = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    @Override
    public String name() {
        return "BouncyCastle";
    }

    @Override
    public SigningKey signingKey(final ECPrivateKey key) {
        final ECPrivateKeyParameters parameters = new ECPrivateKeyParameters(key.getS(), CURVE);
        return digest -> {
            LowS.checkDigest(digest);
            final ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, parameters);
            final BigInteger[] rs = signer.generateSignature(digest);
            return LowS.encode(rs[0], LowS.isLow(rs[1]) ? rs[1] : LowS.ORDER.subtract(rs[1]));
        };
    }

    @Override
    public VerificationKey verificationKey(final ECPublicKey key) {
        final ECPublicKeyParameters parameters = new ECPublicKeyParameters(
                CURVE.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()), CURVE);
        return (digest, signature) -> {
            if (digest.length != LowS.DIGEST_BYTES) {
                return false;
            }
            try {
                final BigInteger[] rs = LowS.decode(signature);
                if (!LowS.isLow(rs[1])) {
                    return false;
                }
                final ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, parameters);
                return verifier.verifySignature(digest, rs[0], rs[1]);
            } catch (final IOException | RuntimeException e) {
                return false;
            }
        };
    }
}
