// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** The peer's own identity: it signs endorsements and blocks. */
public final class SigningIdentity {
    private final String mspId;
    private final X509Certificate certificate;
    private final Crypto.Signer signer;
    private final Crypto.Verifier verifier;
    private final ByteString serialized;

    /** Creates the identity from its certificate and key. */
    public SigningIdentity(final String mspId, final X509Certificate certificate, final PrivateKey key) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.signer = Crypto.signer(Objects.requireNonNull(key, "key"));
        this.verifier = Crypto.verifier(certificate.getPublicKey());
        this.serialized = SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(Pem.encode(certificate), StandardCharsets.US_ASCII))
                .build()
                .toByteString();
    }

    /** The organisation. */
    public String mspId() {
        return mspId;
    }

    /** The NodeOU role of the certificate (a peer's is PEER). */
    public org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType nodeRole() {
        return Creator.nodeRole(certificate);
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The serialized {@code msp.SerializedIdentity} bytes, as they appear in endorsements and headers. */
    public ByteString serialized() {
        return serialized;
    }

    /** A low-S ECDSA-SHA256 signature over the concatenated parts. */
    public byte[] sign(final byte[]... parts) {
        if (parts.length == 1) {
            return signer.sign(parts[0]);
        }
        int length = 0;
        for (final byte[] part : parts) {
            length += part.length;
        }
        final byte[] data = new byte[length];
        int offset = 0;
        for (final byte[] part : parts) {
            System.arraycopy(part, 0, data, offset, part.length);
            offset += part.length;
        }
        return signer.sign(data);
    }

    /** True if the signature is this identity's valid low-S signature over the data. */
    public boolean verify(final byte[] data, final byte[] signature) {
        return verifier.verify(data, signature);
    }

    @Override
    public String toString() {
        return mspId + ":" + certificate.getSubjectX500Principal().getName();
    }
}
