// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.SigningIdentity;

/**
 * Signs endorsements and checks them at validation. The endorsement policy is the one this single-peer network can
 * meet: an endorsement by this peer. Signatures the peer made itself are remembered (by digest, a bounded number),
 * so validation of a transaction endorsed here compares bytes instead of re-verifying ECDSA; anything else is
 * verified in full.
 */
final class EndorsementVerifier {
    /** Endorsements remembered for the fast path; beyond this the cache is cleared and full verification applies. */
    private static final int REMEMBERED_MAX = 200_000;

    private final SigningIdentity peer;
    private final Map<ByteString, ByteString> signed = new ConcurrentHashMap<>();

    EndorsementVerifier(final SigningIdentity peer) {
        this.peer = peer;
    }

    /** Endorses a proposal response payload: signs {@code payload || endorser}. */
    Endorsement endorse(final ByteString proposalResponsePayload) {
        final byte[] endorser = peer.serialized().toByteArray();
        final byte[] data = concat(proposalResponsePayload.toByteArray(), endorser);
        final ByteString signature = ByteString.copyFrom(peer.sign(data));
        if (signed.size() >= REMEMBERED_MAX) {
            signed.clear();
        }
        signed.put(ByteString.copyFrom(Crypto.sha256(data)), signature);
        return Endorsement.newBuilder().setEndorser(peer.serialized()).setSignature(signature).build();
    }

    /** True if one of the endorsements is this peer's valid signature over the payload. */
    boolean satisfied(final ByteString proposalResponsePayload, final Iterable<Endorsement> endorsements) {
        for (final Endorsement endorsement : endorsements) {
            if (!endorsement.getEndorser().equals(peer.serialized())) {
                continue;
            }
            final byte[] data = concat(proposalResponsePayload.toByteArray(), endorsement.getEndorser().toByteArray());
            final ByteString digest = ByteString.copyFrom(Crypto.sha256(data));
            final ByteString remembered = signed.remove(digest);
            if (endorsement.getSignature().equals(remembered)
                    || peer.verify(data, endorsement.getSignature().toByteArray())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
