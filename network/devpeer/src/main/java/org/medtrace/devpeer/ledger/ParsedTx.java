// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A transaction envelope taken apart: headers, and for endorser transactions the single action's endorsed
 * proposal response payload, read-write set and chaincode event.
 */
public final class ParsedTx {
    private final Envelope envelope;
    private final Payload payload;
    private final ChannelHeader channelHeader;
    private final SignatureHeader signatureHeader;
    private final ChaincodeActionPayload actionPayload;
    private final ChaincodeAction chaincodeAction;
    private final List<NsRwSet> rwSets;

    /** One namespace's read-write set, parsed. */
    public static final class NsRwSet {
        private final String namespace;
        private final KVRWSet rwSet;

        NsRwSet(final String namespace, final KVRWSet rwSet) {
            this.namespace = namespace;
            this.rwSet = rwSet;
        }

        /** The chaincode namespace. */
        public String namespace() {
            return namespace;
        }

        /** Reads, writes, range queries and metadata writes. */
        public KVRWSet rwSet() {
            return rwSet;
        }
    }

    private ParsedTx(final Envelope envelope, final Payload payload, final ChannelHeader channelHeader,
            final SignatureHeader signatureHeader, final ChaincodeActionPayload actionPayload,
            final ChaincodeAction chaincodeAction, final List<NsRwSet> rwSets) {
        this.envelope = envelope;
        this.payload = payload;
        this.channelHeader = channelHeader;
        this.signatureHeader = signatureHeader;
        this.actionPayload = actionPayload;
        this.chaincodeAction = chaincodeAction;
        this.rwSets = rwSets;
    }

    /**
     * Parses an envelope.
     *
     * @throws InvalidTransactionException with BAD_PAYLOAD, BAD_COMMON_HEADER, UNSUPPORTED_TX_PAYLOAD or
     *     INVALID_ENDORSER_TRANSACTION, as Fabric's validator would record
     */
    public static ParsedTx parse(final Envelope envelope) throws InvalidTransactionException {
        final Payload payload;
        try {
            payload = Payload.parseFrom(envelope.getPayload());
        } catch (final InvalidProtocolBufferException e) {
            throw new InvalidTransactionException(TxValidationCode.BAD_PAYLOAD, "payload is not a common.Payload");
        }
        if (!payload.hasHeader()) {
            throw new InvalidTransactionException(TxValidationCode.BAD_COMMON_HEADER, "payload has no header");
        }
        final ChannelHeader channelHeader;
        final SignatureHeader signatureHeader;
        try {
            channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        } catch (final InvalidProtocolBufferException e) {
            throw new InvalidTransactionException(TxValidationCode.BAD_COMMON_HEADER, "malformed header");
        }
        if (channelHeader.getType() == HeaderType.CONFIG_VALUE) {
            return new ParsedTx(envelope, payload, channelHeader, signatureHeader, null, null, List.of());
        }
        if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            throw new InvalidTransactionException(TxValidationCode.UNSUPPORTED_TX_PAYLOAD,
                    "unsupported header type " + channelHeader.getType());
        }
        if (signatureHeader.getCreator().isEmpty() || signatureHeader.getNonce().isEmpty()
                || channelHeader.getTxId().isEmpty()) {
            throw new InvalidTransactionException(TxValidationCode.BAD_COMMON_HEADER,
                    "creator, nonce and transaction id are required");
        }
        return parseEndorserTransaction(envelope, payload, channelHeader, signatureHeader);
    }

    private static ParsedTx parseEndorserTransaction(final Envelope envelope, final Payload payload,
            final ChannelHeader channelHeader, final SignatureHeader signatureHeader)
            throws InvalidTransactionException {
        try {
            final Transaction transaction = Transaction.parseFrom(payload.getData());
            if (transaction.getActionsCount() != 1) {
                throw new InvalidTransactionException(TxValidationCode.INVALID_ENDORSER_TRANSACTION,
                        "an endorser transaction has exactly one action, found " + transaction.getActionsCount());
            }
            final TransactionAction action = transaction.getActions(0);
            if (!action.getHeader().equals(payload.getHeader().getSignatureHeader())) {
                throw new InvalidTransactionException(TxValidationCode.INVALID_ENDORSER_TRANSACTION,
                        "the action's signature header differs from the transaction's");
            }
            final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            final ProposalResponsePayload responsePayload =
                    ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
            final ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(responsePayload.getExtension());
            final TxReadWriteSet txRwSet = TxReadWriteSet.parseFrom(chaincodeAction.getResults());
            final List<NsRwSet> rwSets = new ArrayList<>();
            for (final NsReadWriteSet ns : txRwSet.getNsRwsetList()) {
                rwSets.add(new NsRwSet(ns.getNamespace(), KVRWSet.parseFrom(ns.getRwset())));
            }
            if (!chaincodeAction.getEvents().isEmpty()) {
                ChaincodeEvent.parseFrom(chaincodeAction.getEvents());
            }
            return new ParsedTx(envelope, payload, channelHeader, signatureHeader, actionPayload, chaincodeAction,
                    List.copyOf(rwSets));
        } catch (final InvalidProtocolBufferException e) {
            throw new InvalidTransactionException(TxValidationCode.INVALID_ENDORSER_TRANSACTION,
                    "malformed endorser transaction: " + e.getMessage());
        }
    }

    /** The envelope. */
    public Envelope envelope() {
        return envelope;
    }

    /** The payload. */
    public Payload payload() {
        return payload;
    }

    /** The transaction id. */
    public String txId() {
        return channelHeader.getTxId();
    }

    /** The channel header. */
    public ChannelHeader channelHeader() {
        return channelHeader;
    }

    /** The signature header (creator and nonce). */
    public SignatureHeader signatureHeader() {
        return signatureHeader;
    }

    /** The client's timestamp from the channel header. */
    public Timestamp timestamp() {
        return channelHeader.getTimestamp();
    }

    /** True for an endorser (chaincode) transaction, false for a config transaction. */
    public boolean isEndorserTransaction() {
        return chaincodeAction != null;
    }

    /** The endorsed action: proposal response payload and endorsements; null for config transactions. */
    public ChaincodeActionPayload actionPayload() {
        return actionPayload;
    }

    /** The chaincode action (results, events, response); null for config transactions. */
    public ChaincodeAction chaincodeAction() {
        return chaincodeAction;
    }

    /** The parsed read-write sets, one per namespace. */
    public List<NsRwSet> rwSets() {
        return rwSets;
    }

    /** The chaincode event with the transaction id and chaincode name filled in, or null if there is none. */
    public ChaincodeEvent chaincodeEvent() {
        if (chaincodeAction == null || chaincodeAction.getEvents().isEmpty()) {
            return null;
        }
        try {
            return ChaincodeEvent.parseFrom(chaincodeAction.getEvents());
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("event was checked when parsing", e);
        }
    }

    /** The creator's serialized identity. */
    public ByteString creator() {
        return signatureHeader.getCreator();
    }
}
