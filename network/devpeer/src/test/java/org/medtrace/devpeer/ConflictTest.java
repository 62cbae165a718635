// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Execute-order-validate: transactions endorsed on the same state, committed in order, MVCC-checked. */
class ConflictTest {
    private static PeerFixture fixture;
    private static Gateway gateway;
    private static Contract contract;

    @BeforeAll
    static void start() {
        fixture = PeerFixture.start("conflict");
        gateway = fixture.gateway("ShenDistMSP", "bob", "distributor");
        contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fixture.close();
    }

    @Test
    void second_of_two_updates_endorsed_on_the_same_version_is_an_mvcc_read_conflict() throws Exception {
        contract.submitTransaction("put", "counter-a", "10");
        final Transaction first = contract.newProposal("increment").addArguments("counter-a").build().endorse();
        final Transaction second = contract.newProposal("increment").addArguments("counter-a").build().endorse();
        final Status firstStatus = first.submitAsync().getStatus();
        final Status secondStatus = second.submitAsync().getStatus();
        assertThat(firstStatus.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(secondStatus.getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        assertThat(evaluate("get", "counter-a")).isEqualTo("11");
    }

    @Test
    void concurrent_increments_commit_exactly_the_valid_ones() throws Exception {
        contract.submitTransaction("put", "counter-b", "0");
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<TxValidationCode>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> contract.newProposal("increment").addArguments("counter-b").build()
                        .endorse().submitAsync().getStatus().getCode()));
            }
            int valid = 0;
            int conflicts = 0;
            for (final Future<TxValidationCode> result : results) {
                final TxValidationCode code = result.get();
                if (code == TxValidationCode.VALID) {
                    valid++;
                } else {
                    assertThat(code).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
                    conflicts++;
                }
            }
            assertThat(valid + conflicts).isEqualTo(40);
            assertThat(valid).isPositive();
            assertThat(evaluate("get", "counter-b")).isEqualTo(Integer.toString(valid));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_item_inserted_into_a_queried_range_is_a_phantom_read_conflict() throws Exception {
        contract.submitTransaction("putItem", "lot", "a", "1");
        contract.submitTransaction("putItem", "lot", "c", "3");
        final Transaction count = contract.newProposal("countItems").addArguments("lot", "lot-count").build()
                .endorse();
        assertThat(new String(count.getResult(), StandardCharsets.UTF_8)).isEqualTo("2");
        contract.submitTransaction("putItem", "lot", "b", "2");
        assertThat(count.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
        assertThat(evaluate("get", "lot-count")).isEmpty();
    }

    @Test
    void a_range_outside_the_write_does_not_conflict() throws Exception {
        contract.submitTransaction("putItem", "pallet", "p1", "1");
        final Transaction count = contract.newProposal("countItems").addArguments("pallet", "pallet-count").build()
                .endorse();
        contract.submitTransaction("putItem", "palletx", "p2", "2");
        assertThat(count.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(evaluate("get", "pallet-count")).isEqualTo("1");
    }

    @Test
    void the_same_signed_transaction_submitted_twice_is_a_duplicate() throws Exception {
        final Transaction put = contract.newProposal("put").addArguments("dup", "1").build().endorse();
        final SubmittedTransaction first = put.submitAsync();
        assertThat(first.getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
        final SubmittedTransaction second = gateway.newTransaction(put.getBytes()).submitAsync();
        final Status status = second.getStatus();
        assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(status.getBlockNumber()).isEqualTo(first.getStatus().getBlockNumber());
        assertThat(duplicateRecordedAfter(first.getStatus().getBlockNumber())).isTrue();
    }

    /** The resubmission is ordered into a later block with DUPLICATE_TXID in that block's filter. */
    private static boolean duplicateRecordedAfter(final long firstBlock) throws Exception {
        final long height = fixture.peer.blockHeight();
        try (var blocks = gateway.getNetwork("medtrace").newFilteredBlockEventsRequest().startBlock(firstBlock + 1)
                .build().getEvents()) {
            while (blocks.hasNext()) {
                final var block = blocks.next();
                for (final var tx : block.getFilteredTransactionsList()) {
                    if (tx.getTxValidationCode() == TxValidationCode.DUPLICATE_TXID) {
                        return true;
                    }
                }
                if (block.getNumber() >= height - 1) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String evaluate(final String function, final String... args) throws Exception {
        return new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
    }
}
