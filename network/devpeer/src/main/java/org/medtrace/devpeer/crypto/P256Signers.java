// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.crypto;

import java.security.PrivateKey;
import org.hyperledger.fabric.client.identity.Signer;

/**
 * fabric-gateway {@link Signer}s backed by {@link P256}: low-S ECDSA signatures, as the SDK's own, at a fraction of
 * their cost (the SDK signs with the JCA provider it finds, BouncyCastle or the JDK, at about a millisecond per
 * signature on a small machine; BoringSSL takes a tenth of that). Usable against any Fabric peer, not only the dev
 * peer.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.newInstance()
 *         .identity(new X509Identity(mspId, certificate))
 *         .signer(P256Signers.newPrivateKeySigner(privateKey))
 *         .hash(Hash.SHA256)        // the SDK's default; the signer expects a SHA-256 digest
 *         .connection(channel).connect();
 * }</pre>
 */
public final class P256Signers {
    private P256Signers() {
    }

    /**
     * A signer for a P-256 private key, equivalent to the SDK's {@code Signers.newPrivateKeySigner(key)} for such keys.
     *
     * @throws IllegalArgumentException if the key is not a P-256 EC private key
     * @throws NullPointerException if the key is null
     */
    public static Signer newPrivateKeySigner(final PrivateKey key) {
        final SigningKey signing = P256.signingKey(key);
        return signing::signDigest;
    }
}
