// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.FilteredTransactionActions;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.ledger.InvalidTransactionException;
import org.medtrace.devpeer.ledger.ParsedTx;

/** What clients see of a block besides the block itself: its chaincode events and its filtered form. */
final class BlockEvents {
    private BlockEvents() {
    }

    /** The events of the block's valid transactions, in block order. */
    static List<ChaincodeEvent> chaincodeEvents(final Block block) {
        final byte[] filter = filter(block);
        final List<ChaincodeEvent> events = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (filter[i] != TxValidationCode.VALID_VALUE) {
                continue;
            }
            final ParsedTx tx = parse(block, i);
            final ChaincodeEvent event = tx == null ? null : tx.chaincodeEvent();
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** Fabric's filtered block: per transaction its id, type, validation code and event without payload. */
    static FilteredBlock filtered(final Block block, final String channelId) {
        final byte[] filter = filter(block);
        final FilteredBlock.Builder filtered = FilteredBlock.newBuilder().setChannelId(channelId)
                .setNumber(block.getHeader().getNumber());
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            final FilteredTransaction.Builder tx = FilteredTransaction.newBuilder()
                    .setTxValidationCode(TxValidationCode.forNumber(filter[i]));
            final ParsedTx parsed = parse(block, i);
            if (parsed != null) {
                tx.setTxid(parsed.txId()).setType(HeaderType.forNumber(parsed.channelHeader().getType()));
                final ChaincodeEvent event = parsed.chaincodeEvent();
                if (parsed.isEndorserTransaction()) {
                    final FilteredTransactionActions.Builder actions = FilteredTransactionActions.newBuilder();
                    if (event != null) {
                        actions.addChaincodeActions(FilteredChaincodeAction.newBuilder()
                                .setChaincodeEvent(event.toBuilder().clearPayload()));
                    }
                    tx.setTransactionActions(actions);
                }
            } else {
                tx.setTxid(headerTxId(block, i));
            }
            filtered.addFilteredTransactions(tx);
        }
        return filtered.build();
    }

    private static byte[] filter(final Block block) {
        return block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
    }

    private static ParsedTx parse(final Block block, final int index) {
        try {
            return ParsedTx.parse(Envelope.parseFrom(block.getData().getData(index)));
        } catch (final InvalidTransactionException | com.google.protobuf.InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static String headerTxId(final Block block, final int index) {
        try {
            final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(index)).getPayload());
            return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId();
        } catch (final com.google.protobuf.InvalidProtocolBufferException e) {
            return "";
        }
    }
}
