// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.medtrace.devpeer.identity.Creator;
import org.medtrace.devpeer.identity.Crypto;
import org.medtrace.devpeer.identity.IdentityException;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.identity.SigningIdentity;
import org.medtrace.devpeer.ledger.EndorsementPolicyCheck;
import org.medtrace.devpeer.policy.PolicyIdentity;
import org.medtrace.devpeer.policy.SignaturePolicy;

/**
 * Signs endorsements and checks them at validation. Without an endorsement policy, the policy is the one the
 * single-peer network can meet: an endorsement by the home peer. With one, every endorsement whose endorser is a
 * valid identity of a channel MSP and whose signature verifies counts, and the policy (and the written keys'
 * validation parameters, at commit) is evaluated over them. Signatures the hosted peers made are remembered (by
 * digest, a bounded number), so validation of a transaction endorsed here compares bytes instead of re-verifying
 * ECDSA; anything else is verified in full.
 */
final class EndorsementVerifier {
    /** Endorsements remembered for the fast path; beyond this the cache is cleared and full verification applies. */
    private static final int REMEMBERED_MAX = 200_000;

    private final SigningIdentity home;
    private final MspRegistry msps;
    private final SignaturePolicy policy;
    private final Map<ByteString, ByteString> signed = new ConcurrentHashMap<>();

    /**
     * @param policy the chaincode endorsement policy, or null for the single-peer default
     */
    EndorsementVerifier(final SigningIdentity home, final MspRegistry msps, final SignaturePolicy policy) {
        this.home = home;
        this.msps = msps;
        this.policy = policy;
    }

    /** The chaincode endorsement policy, or null without one. */
    SignaturePolicy policy() {
        return policy;
    }

    /** Endorses a proposal response payload as the home peer. */
    Endorsement endorse(final ByteString proposalResponsePayload) {
        return endorse(home, proposalResponsePayload);
    }

    /** Endorses a proposal response payload as the given peer: signs {@code payload || endorser}. */
    Endorsement endorse(final SigningIdentity peer, final ByteString proposalResponsePayload) {
        final byte[] endorser = peer.serialized().toByteArray();
        final byte[] data = concat(proposalResponsePayload.toByteArray(), endorser);
        final ByteString signature = ByteString.copyFrom(peer.sign(data));
        if (signed.size() >= REMEMBERED_MAX) {
            signed.clear();
        }
        signed.put(ByteString.copyFrom(Crypto.sha256(data)), signature);
        return Endorsement.newBuilder().setEndorser(peer.serialized()).setSignature(signature).build();
    }

    /** Without a policy: true if one of the endorsements is the home peer's valid signature over the payload. */
    boolean satisfied(final ByteString proposalResponsePayload, final Iterable<Endorsement> endorsements) {
        for (final Endorsement endorsement : endorsements) {
            if (!endorsement.getEndorser().equals(home.serialized())) {
                continue;
            }
            final byte[] data = concat(proposalResponsePayload.toByteArray(), endorsement.getEndorser().toByteArray());
            if (rememberedOrVerified(data, endorsement.getSignature(), home::verify)) {
                return true;
            }
        }
        return false;
    }

    /**
     * With a policy: the endorsers whose identity is valid and whose signature over the payload verifies (the others
     * are ignored, as Fabric does), ready for the committer's policy checks; null if there are none.
     */
    EndorsementPolicyCheck verified(final ByteString proposalResponsePayload, final List<Endorsement> endorsements) {
        final List<PolicyIdentity> signers = new ArrayList<>(endorsements.size());
        for (final Endorsement endorsement : endorsements) {
            final Creator endorser;
            try {
                endorser = msps.deserialize(endorsement.getEndorser());
            } catch (final IdentityException e) {
                continue;
            }
            final byte[] data = concat(proposalResponsePayload.toByteArray(), endorsement.getEndorser().toByteArray());
            if (rememberedOrVerified(data, endorsement.getSignature(), endorser::verify)) {
                signers.add(new PolicyIdentity(endorsement.getEndorser(), endorser.mspId(), endorser.nodeRole()));
            }
        }
        return signers.isEmpty() ? null : new Verified(policy, List.copyOf(signers));
    }

    private boolean rememberedOrVerified(final byte[] data, final ByteString signature, final Verifier verifier) {
        final ByteString remembered = signed.remove(ByteString.copyFrom(Crypto.sha256(data)));
        return signature.equals(remembered) || verifier.verify(data, signature.toByteArray());
    }

    private interface Verifier {
        boolean verify(byte[] data, byte[] signature);
    }

    /** Verified endorsers of one transaction. */
    private record Verified(SignaturePolicy policy, List<PolicyIdentity> signers) implements EndorsementPolicyCheck {
        @Override
        public boolean satisfiesChaincodePolicy() {
            return policy.isSatisfiedBy(signers);
        }

        @Override
        public boolean satisfies(final ByteString validationParameter) {
            try {
                return SignaturePolicy.fromBytes(validationParameter).isSatisfiedBy(signers);
            } catch (final IllegalArgumentException e) {
                return false;
            }
        }
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
