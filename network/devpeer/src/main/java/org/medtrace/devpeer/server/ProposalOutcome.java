// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;

/** What the endorser made of a proposal; the gateway service maps each kind to Fabric's gRPC status. */
final class ProposalOutcome {
    /** The kinds of outcome. */
    enum Kind {
        /** Simulated successfully; the proposal response carries the endorsement. */
        ENDORSED,
        /** The chaincode returned an error response (status >= 400). */
        CHAINCODE_ERROR,
        /** The peer could not run the chaincode (unknown chaincode, stream lost, timeout). */
        PEER_ERROR,
        /** The proposal failed the endorser's checks: signature, MSP, transaction id, channel, duplicate. */
        REJECTED
    }

    final Kind kind;
    final String message;
    final ProposalResponse proposalResponse;
    final Response response;

    private ProposalOutcome(final Kind kind, final String message, final ProposalResponse proposalResponse,
            final Response response) {
        this.kind = kind;
        this.message = message;
        this.proposalResponse = proposalResponse;
        this.response = response;
    }

    static ProposalOutcome endorsed(final ProposalResponse proposalResponse, final Response response) {
        return new ProposalOutcome(Kind.ENDORSED, "", proposalResponse, response);
    }

    static ProposalOutcome chaincodeError(final Response response) {
        return new ProposalOutcome(Kind.CHAINCODE_ERROR,
                "chaincode response " + response.getStatus() + ", " + response.getMessage(), null, response);
    }

    static ProposalOutcome peerError(final String message) {
        return new ProposalOutcome(Kind.PEER_ERROR, message, null, null);
    }

    static ProposalOutcome rejected(final String message) {
        return new ProposalOutcome(Kind.REJECTED, message, null, null);
    }
}
