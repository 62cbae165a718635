// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.medtrace.devpeer.identity.IdentityException.Reason;

/**
 * The channel's MSPs: deserializes creators, checks that their certificates chain to their organisation's CA and
 * are valid now, and verifies their signatures. Validated identities are cached ({@link IdentityCache}), signatures
 * never are.
 */
public final class MspRegistry {
    /** Identities whose validation is remembered: far more than the clients of one gateway, a few MB at most. */
    static final int CACHE_ENTRIES_MAX = 10_000;

    private final Map<String, X509Certificate> roots;
    private final Clock clock;
    private final IdentityCache validated;

    /** Creates the registry from each MSP id's CA certificate. */
    public MspRegistry(final Map<String, X509Certificate> roots) {
        this(roots, Clock.systemUTC(), CACHE_ENTRIES_MAX);
    }

    MspRegistry(final Map<String, X509Certificate> roots, final Clock clock, final int cacheEntriesMax) {
        this.roots = Map.copyOf(roots);
        this.clock = clock;
        this.validated = new IdentityCache(cacheEntriesMax, clock);
    }

    /** Identities cached now (for tests). */
    int cachedIdentities() {
        return validated.size();
    }

    /** True if the MSP id is one of the channel's organisations. */
    public boolean isMember(final String mspId) {
        return roots.containsKey(mspId);
    }

    /**
     * Deserializes a creator and verifies its signature over the data.
     *
     * @throws IdentityException if the identity is malformed, unknown, untrusted, or the signature is bad
     */
    public Creator verify(final ByteString serializedIdentity, final byte[] data, final byte[] signature)
            throws IdentityException {
        final Creator creator = deserialize(serializedIdentity);
        if (!creator.verify(data, signature)) {
            throw new IdentityException(Reason.BAD_SIGNATURE, creator.mspId(),
                    "the signature of the creator of MSP " + creator.mspId() + " is not valid");
        }
        return creator;
    }

    /**
     * Deserializes a creator and validates its certificate chain.
     *
     * @throws IdentityException if the identity is malformed, unknown or untrusted
     */
    public Creator deserialize(final ByteString serializedIdentity) throws IdentityException {
        final Creator cached = validated.get(serializedIdentity);
        if (cached != null) {
            return cached;
        }
        final SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(serializedIdentity);
        } catch (final InvalidProtocolBufferException e) {
            throw new IdentityException(Reason.MALFORMED, null, "creator is malformed: " + e.getMessage());
        }
        final X509Certificate root = roots.get(identity.getMspid());
        if (root == null) {
            throw new IdentityException(Reason.UNKNOWN_MSP, identity.getMspid(),
                    "MSP " + identity.getMspid() + " is not a member of the channel");
        }
        final Creator creator = new Creator(identity.getMspid(), certificate(identity, root, clock));
        validated.put(serializedIdentity, creator);
        return creator;
    }

    private static X509Certificate certificate(final SerializedIdentity identity, final X509Certificate root,
            final Clock clock) throws IdentityException {
        final X509Certificate certificate;
        try {
            certificate = Pem.certificate(identity.getIdBytes().toByteArray());
        } catch (final CertificateException | RuntimeException e) {
            throw new IdentityException(Reason.MALFORMED, identity.getMspid(),
                    "creator certificate is malformed: " + e.getMessage());
        }
        try {
            if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer is not the MSP's CA");
            }
            certificate.verify(root.getPublicKey());
            certificate.checkValidity(Date.from(clock.instant()));
            if (certificate.getBasicConstraints() >= 0) {
                throw new GeneralSecurityException("a CA certificate cannot sign transactions");
            }
        } catch (final GeneralSecurityException e) {
            throw new IdentityException(Reason.UNTRUSTED, identity.getMspid(),
                    "the creator certificate is not valid for MSP " + identity.getMspid() + ": " + e.getMessage());
        }
        return certificate;
    }
}
