// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import java.security.cert.X509Certificate;

/** A deserialized identity whose certificate chains to its MSP's CA. */
public final class Creator {
    private final String mspId;
    private final X509Certificate certificate;
    private final Crypto.Verifier verifier;

    Creator(final String mspId, final X509Certificate certificate) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.verifier = Crypto.verifier(certificate.getPublicKey());
    }

    /** The organisation. */
    public String mspId() {
        return mspId;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** True if the signature is a valid low-S ECDSA-SHA256 signature of this identity over the data. */
    public boolean verify(final byte[] data, final byte[] signature) {
        return verifier.verify(data, signature);
    }
}
