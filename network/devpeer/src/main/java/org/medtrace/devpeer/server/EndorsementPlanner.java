// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medtrace.devpeer.policy.PolicyIdentity;
import org.medtrace.devpeer.policy.SignaturePolicy;

/**
 * Which hosted peers endorse a proposal, as Fabric's gateway plans it: the fewest peers that satisfy the chaincode's
 * endorsement policy, preferring a set with the client's own organisation's peer; then, once the written keys are
 * known, the fewest further peers that the keys' validation parameters need.
 */
final class EndorsementPlanner {
    /** Beyond this many peers the search for a smallest set stops at one extra peer and then takes them all. */
    static final int EXHAUSTIVE_PEERS_MAX = 16;

    private final SignaturePolicy policy;
    private final List<EndorsingPeer> peers;
    private final Map<String, EndorsingPeer> byMsp = new LinkedHashMap<>();
    private final Map<String, List<EndorsingPeer>> initialPlans = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException if even every hosted peer together does not satisfy the policy
     */
    EndorsementPlanner(final SignaturePolicy policy, final List<EndorsingPeer> peers) {
        this.policy = policy;
        this.peers = List.copyOf(peers);
        peers.forEach(peer -> byMsp.put(peer.mspId(), peer));
        if (!satisfies(this.peers, List.of(policy))) {
            throw new IllegalArgumentException("the endorsement policy " + policy + " cannot be satisfied by the"
                    + " peers of " + byMsp.keySet());
        }
    }

    SignaturePolicy policy() {
        return policy;
    }

    /** The hosted peer of an organisation, or null. */
    EndorsingPeer peerOf(final String mspId) {
        return byMsp.get(mspId);
    }

    /** The peers that endorse first: the fewest that satisfy the chaincode policy, the client's own if it can. */
    List<EndorsingPeer> initial(final String clientMsp) {
        return initialPlans.computeIfAbsent(byMsp.containsKey(clientMsp) ? clientMsp : "", client -> {
            final List<EndorsingPeer> any = extend(List.of(), List.of(policy));
            final EndorsingPeer own = byMsp.get(client);
            if (own != null) {
                final List<EndorsingPeer> withOwn = extend(List.of(own), List.of(policy));
                if (withOwn.size() <= any.size()) {
                    return withOwn;
                }
            }
            return any;
        });
    }

    /**
     * The smallest superset of {@code chosen} (chosen first, in order) satisfying every requirement, or null if no
     * set of hosted peers does.
     */
    List<EndorsingPeer> extend(final List<EndorsingPeer> chosen, final List<SignaturePolicy> requirements) {
        final List<EndorsingPeer> remaining = new ArrayList<>(peers);
        remaining.removeAll(chosen);
        final int largest = remaining.size() > EXHAUSTIVE_PEERS_MAX ? 1 : remaining.size();
        for (int size = 0; size <= largest; size++) {
            final List<EndorsingPeer> found = firstSatisfying(chosen, remaining, size, requirements);
            if (found != null) {
                return found;
            }
        }
        final List<EndorsingPeer> all = new ArrayList<>(chosen);
        all.addAll(remaining);
        return satisfies(all, requirements) ? all : null;
    }

    /** The first combination of {@code size} peers of {@code remaining} that, added to chosen, satisfies all. */
    private static List<EndorsingPeer> firstSatisfying(final List<EndorsingPeer> chosen,
            final List<EndorsingPeer> remaining, final int size, final List<SignaturePolicy> requirements) {
        final int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        while (true) {
            final List<EndorsingPeer> candidate = new ArrayList<>(chosen);
            for (final int i : index) {
                candidate.add(remaining.get(i));
            }
            if (satisfies(candidate, requirements)) {
                return candidate;
            }
            int position = size - 1;
            while (position >= 0 && index[position] == remaining.size() - size + position) {
                position--;
            }
            if (position < 0) {
                return null;
            }
            index[position]++;
            for (int i = position + 1; i < size; i++) {
                index[i] = index[i - 1] + 1;
            }
        }
    }

    static boolean satisfies(final List<EndorsingPeer> candidate, final List<SignaturePolicy> requirements) {
        final List<PolicyIdentity> signers = candidate.stream().map(peer -> peer.asSigner).toList();
        for (final SignaturePolicy requirement : requirements) {
            if (!requirement.isSatisfiedBy(signers)) {
                return false;
            }
        }
        return true;
    }
}
