// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * ECDSA on P-256 (secp256r1, the curve of Fabric's default MSP) as Fabric wants it: low-S DER signatures, high-S
 * refused. Runs on BoringSSL through Conscrypt where its native library loads (Linux, macOS and Windows on x86-64),
 * else on BouncyCastle; the system property {@code medtrace.devpeer.crypto=bouncycastle} forces the latter.
 *
 * <pre>{@code
 * SigningKey signing = P256.signingKey(privateKey);
 * byte[] signature = signing.signDigest(sha256(data));
 * boolean valid = P256.verificationKey(certificate.getPublicKey()).verifyDigest(sha256(data), signature);
 * }</pre>
 */
public final class P256 {
    private static final Logger LOG = Logger.getLogger(P256.class.getName());
    private static final P256Engine ENGINE = select(System.getProperty("medtrace.devpeer.crypto", ""));

    private P256() {
    }

    static P256Engine select(final String forced) {
        final P256Engine engine;
        if ("bouncycastle".equals(forced.toLowerCase(Locale.ROOT))) {
            engine = new BouncyCastleP256();
        } else {
            final P256Engine conscrypt = ConscryptP256.loadOrNull();
            engine = conscrypt != null ? conscrypt : new BouncyCastleP256();
        }
        LOG.fine(() -> "P-256 ECDSA by " + engine.name());
        return engine;
    }

    /** Which implementation signs and verifies: {@code "Conscrypt (BoringSSL)"} or {@code "BouncyCastle"}. */
    public static String implementation() {
        return ENGINE.name();
    }

    /**
     * A signing key for a P-256 private key; keep and reuse it (importing the key is the costly part).
     *
     * @throws IllegalArgumentException if the key is not a P-256 EC private key
     * @throws NullPointerException if the key is null
     */
    public static SigningKey signingKey(final PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPrivateKey) || !isP256((ECKey) key)) {
            throw new IllegalArgumentException("not a P-256 EC private key: " + key.getAlgorithm());
        }
        return ENGINE.signingKey((ECPrivateKey) key);
    }

    /**
     * A verification key for a P-256 public key; keep and reuse it.
     *
     * @throws IllegalArgumentException if the key is not a P-256 EC public key
     * @throws NullPointerException if the key is null
     */
    public static VerificationKey verificationKey(final PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof ECPublicKey) || !isP256((ECKey) key)) {
            throw new IllegalArgumentException("not a P-256 EC public key: " + key.getAlgorithm());
        }
        return ENGINE.verificationKey((ECPublicKey) key);
    }

    private static boolean isP256(final ECKey key) {
        final BigInteger order = key.getParams().getOrder();
        return LowS.ORDER.equals(order) && key.getParams().getCofactor() == 1
                && key.getParams().getCurve().getField().getFieldSize() == 256;
    }
}
