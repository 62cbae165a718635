// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.medtrace.devpeer.identity.Crypto;

/** A signed proposal taken apart, as Fabric's gateway does before it sends the proposal to an endorser. */
final class UnpackedProposal {
    final SignedProposal signed;
    final Header header;
    final ChannelHeader channelHeader;
    final SignatureHeader signatureHeader;
    final ChaincodeProposalPayload payload;
    final ChaincodeInvocationSpec invocation;

    private UnpackedProposal(final SignedProposal signed, final Header header, final ChannelHeader channelHeader,
            final SignatureHeader signatureHeader, final ChaincodeProposalPayload payload,
            final ChaincodeInvocationSpec invocation) {
        this.signed = signed;
        this.header = header;
        this.channelHeader = channelHeader;
        this.signatureHeader = signatureHeader;
        this.payload = payload;
        this.invocation = invocation;
    }

    /**
     * Unpacks a signed proposal.
     *
     * @throws IllegalArgumentException with the reason, for a malformed proposal (INVALID_ARGUMENT on the wire)
     */
    static UnpackedProposal of(final SignedProposal signed) {
        if (signed.getProposalBytes().isEmpty()) {
            throw new IllegalArgumentException("a signed proposal is required");
        }
        try {
            final Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
            final Header header = Header.parseFrom(proposal.getHeader());
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
            final SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
            final ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            final ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(payload.getInput());
            if (channelHeader.getChannelId().isEmpty()) {
                throw new IllegalArgumentException("no channel id provided");
            }
            if (!invocation.hasChaincodeSpec() || invocation.getChaincodeSpec().getChaincodeId().getName().isEmpty()) {
                throw new IllegalArgumentException("no chaincode name is provided, channel id ["
                        + channelHeader.getChannelId() + "]");
            }
            return new UnpackedProposal(signed, header, channelHeader, signatureHeader, payload, invocation);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("failed to unpack transaction proposal: " + e.getMessage(), e);
        }
    }

    String txId() {
        return channelHeader.getTxId();
    }

    String channelId() {
        return channelHeader.getChannelId();
    }

    String chaincodeName() {
        return invocation.getChaincodeSpec().getChaincodeId().getName();
    }

    /** The proposal payload without its transient map: what goes on the ledger. */
    ByteString payloadWithoutTransient() {
        return ChaincodeProposalPayload.newBuilder().setInput(payload.getInput()).build().toByteString();
    }

    /** Fabric's proposal hash: SHA-256 of channel header, signature header and the transient-free payload. */
    byte[] proposalHash() {
        return Crypto.sha256(header.getChannelHeader().toByteArray(), header.getSignatureHeader().toByteArray(),
                payloadWithoutTransient().toByteArray());
    }
}
