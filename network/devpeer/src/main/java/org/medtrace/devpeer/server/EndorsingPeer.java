// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import java.util.Map;
import org.medtrace.devpeer.chaincode.ChaincodeRuntime;
import org.medtrace.devpeer.identity.SigningIdentity;
import org.medtrace.devpeer.policy.PolicyIdentity;

/**
 * One organisation's endorsing peer hosted by the dev peer: its signing identity (issued by that organisation's CA,
 * NodeOU peer) and its own streams to the chaincodes, so each peer simulates a proposal by itself as Fabric's peers
 * do.
 */
final class EndorsingPeer {
    final SigningIdentity identity;
    final Map<String, ChaincodeRuntime> chaincodes;
    final PolicyIdentity asSigner;

    EndorsingPeer(final SigningIdentity identity, final Map<String, ChaincodeRuntime> chaincodes) {
        this.identity = identity;
        this.chaincodes = Map.copyOf(chaincodes);
        this.asSigner = new PolicyIdentity(identity.serialized(), identity.mspId(), identity.nodeRole());
    }

    String mspId() {
        return identity.mspId();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
