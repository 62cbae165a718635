// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.conscrypt.Conscrypt;

/**
 * P-256 ECDSA in BoringSSL through Conscrypt: about ten times faster than BouncyCastle. Conscrypt's provider is used
 * directly, never installed in the JVM's provider list, so an embedding application's TLS and crypto stay as they
 * were. BoringSSL signs with random nonces and does not care about S; low-S is imposed here on both sides.
 */
final class ConscryptP256 implements P256Engine {
    private static final Logger LOG = Logger.getLogger(ConscryptP256.class.getName());
    /** Raw ECDSA over a digest the caller computed. */
    private static final String ALGORITHM = "NONEwithECDSA";

    private final Provider provider;
    private final KeyFactory keys;

    private ConscryptP256(final Provider provider, final KeyFactory keys) {
        this.provider = provider;
        this.keys = keys;
    }

    /** The engine, or null if Conscrypt or its native library cannot be loaded on this platform. */
    static ConscryptP256 loadOrNull() {
        try {
            if (!Conscrypt.isAvailable()) {
                LOG.fine("Conscrypt's native library is not available on this platform");
                return null;
            }
            final Provider provider = Conscrypt.newProvider();
            return new ConscryptP256(provider, KeyFactory.getInstance("EC", provider));
        } catch (final LinkageError | RuntimeException | GeneralSecurityException e) {
            LOG.log(Level.FINE, "Conscrypt cannot be loaded", e);
            return null;
        }
    }

    @Override
    public String name() {
        return "Conscrypt (BoringSSL)";
    }

    @Override
    public SigningKey signingKey(final ECPrivateKey key) {
        final PrivateKey nativeKey;
        try {
            nativeKey = keys.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (final GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key cannot be imported: " + e.getMessage(), e);
        }
        return digest -> {
            LowS.checkDigest(digest);
            try {
                final Signature signature = Signature.getInstance(ALGORITHM, provider);
                signature.initSign(nativeKey);
                signature.update(digest);
                return LowS.normalize(signature.sign());
            } catch (final GeneralSecurityException e) {
                throw new IllegalStateException("ECDSA signing failed", e);
            }
        };
    }

    @Override
    public VerificationKey verificationKey(final ECPublicKey key) {
        final PublicKey nativeKey;
        try {
            nativeKey = keys.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (final GeneralSecurityException e) {
            throw new IllegalArgumentException("the public key cannot be imported: " + e.getMessage(), e);
        }
        return (digest, signature) -> {
            if (digest.length != LowS.DIGEST_BYTES || !LowS.hasLowS(signature)) {
                return false;
            }
            try {
                final Signature verifier = Signature.getInstance(ALGORITHM, provider);
                verifier.initVerify(nativeKey);
                verifier.update(digest);
                return verifier.verify(signature);
            } catch (final GeneralSecurityException | RuntimeException e) {
                return false;
            }
        };
    }
}
