// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chaincode events with replay and checkpoints, block and filtered-block Deliver, through the SDK. */
class EventsTest {
    private static PeerFixture fixture;
    private static Gateway gateway;
    private static Network network;
    private static Contract contract;

    @BeforeAll
    static void start() {
        fixture = PeerFixture.start("events");
        gateway = fixture.gateway("ShanghaiMpaMSP", "carol", "regulator");
        network = gateway.getNetwork("medtrace");
        contract = network.getContract(PeerFixture.CHAINCODE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fixture.close();
    }

    @Test
    void events_replay_from_a_block_and_resume_after_a_checkpoint() throws Exception {
        final List<SubmittedTransaction> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final SubmittedTransaction tx = contract.newProposal("put").addArguments("ev" + i, "value" + i).build()
                    .endorse().submitAsync();
            assertThat(tx.getStatus().isSuccessful()).isTrue();
            submitted.add(tx);
        }
        final long firstBlock = submitted.get(0).getStatus().getBlockNumber();
        final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
        try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(PeerFixture.CHAINCODE)
                .startBlock(firstBlock).build().getEvents()) {
            for (int i = 0; i < 3; i++) {
                final ChaincodeEvent event = events.next();
                assertThat(event.getTransactionId()).isEqualTo(submitted.get(i).getTransactionId());
                assertThat(event.getBlockNumber()).isEqualTo(submitted.get(i).getStatus().getBlockNumber());
                assertThat(event.getChaincodeName()).isEqualTo(PeerFixture.CHAINCODE);
                assertThat(event.getEventName()).isEqualTo("asset.event");
                assertThat(new String(event.getPayload(), StandardCharsets.UTF_8)).isEqualTo("put ev" + i + "=value" + i);
                if (i == 0) {
                    checkpointer.checkpointChaincodeEvent(event);
                }
            }
        }
        try (CloseableIterator<ChaincodeEvent> resumed = network.newChaincodeEventsRequest(PeerFixture.CHAINCODE)
                .checkpoint(checkpointer).build().getEvents()) {
            assertThat(resumed.next().getTransactionId()).isEqualTo(submitted.get(1).getTransactionId());
        }
    }

    @Test
    void live_events_arrive_as_transactions_commit() throws Exception {
        try (CloseableIterator<ChaincodeEvent> events = network.getChaincodeEvents(PeerFixture.CHAINCODE)) {
            final SubmittedTransaction tx = contract.newProposal("put").addArguments("live", "1").build().endorse()
                    .submitAsync();
            assertThat(events.next().getTransactionId()).isEqualTo(tx.getTransactionId());
        }
    }

    @Test
    void a_duplicate_transaction_emits_no_second_event() throws Exception {
        final Transaction put = contract.newProposal("put").addArguments("once", "1").build().endorse();
        final long block = put.submitAsync().getStatus().getBlockNumber();
        gateway.newTransaction(put.getBytes()).submitAsync().getStatus();
        final SubmittedTransaction marker = contract.newProposal("put").addArguments("marker", "1").build().endorse()
                .submitAsync();
        final long markerBlock = marker.getStatus().getBlockNumber();
        int seen = 0;
        try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(PeerFixture.CHAINCODE)
                .startBlock(block).build().getEvents()) {
            while (true) {
                final ChaincodeEvent event = events.next();
                if (event.getTransactionId().equals(put.getTransactionId())) {
                    seen++;
                }
                if (event.getBlockNumber() >= markerBlock) {
                    break;
                }
            }
        }
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void block_events_from_the_genesis_block_form_a_verified_hash_chain() throws Exception {
        contract.submitTransaction("put", "chain", "1");
        final long height = fixture.peer.blockHeight();
        final List<Block> blocks = new ArrayList<>();
        try (CloseableIterator<Block> iterator = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
            while (blocks.size() < height) {
                blocks.add(iterator.next());
            }
        }
        assertThat(ChainVerifier.verify(blocks)).isNull();
        assertThat(blocks.get(0).getData().getDataCount()).isEqualTo(1);
        for (final Block block : blocks) {
            assertThat(block.getMetadata().getMetadataCount()).isEqualTo(5);
            assertThat(block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).size())
                    .isEqualTo(block.getData().getDataCount());
        }
    }

    @Test
    void filtered_blocks_carry_transaction_ids_codes_and_events_without_payload() throws Exception {
        final SubmittedTransaction tx = contract.newProposal("put").addArguments("filtered", "secret-value").build()
                .endorse().submitAsync();
        final long block = tx.getStatus().getBlockNumber();
        try (CloseableIterator<FilteredBlock> iterator = network.newFilteredBlockEventsRequest().startBlock(block)
                .build().getEvents()) {
            final FilteredBlock filtered = iterator.next();
            assertThat(filtered.getNumber()).isEqualTo(block);
            assertThat(filtered.getChannelId()).isEqualTo("medtrace");
            final FilteredTransaction ftx = filtered.getFilteredTransactionsList().stream()
                    .filter(t -> t.getTxid().equals(tx.getTransactionId())).findFirst().orElseThrow();
            assertThat(ftx.getTxValidationCode()).isEqualTo(TxValidationCode.VALID);
            final var event = ftx.getTransactionActions().getChaincodeActions(0).getChaincodeEvent();
            assertThat(event.getEventName()).isEqualTo("asset.event");
            assertThat(event.getTxId()).isEqualTo(tx.getTransactionId());
            assertThat(event.getPayload().isEmpty()).isTrue();
        }
    }

    @Test
    void block_events_wait_for_the_next_block() throws Exception {
        final long next = fixture.peer.blockHeight();
        try (CloseableIterator<Block> iterator = network.newBlockEventsRequest().startBlock(next).build()
                .getEvents()) {
            final Thread submitter = new Thread(() -> {
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                    contract.submitTransaction("put", "later", "1");
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            submitter.start();
            assertThat(iterator.next().getHeader().getNumber()).isEqualTo(next);
            submitter.join();
        }
    }
}
