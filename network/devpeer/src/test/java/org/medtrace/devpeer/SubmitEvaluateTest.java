// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubmitEvaluateTest {
    private static PeerFixture fixture;
    private static Gateway gateway;
    private static Contract contract;

    @BeforeAll
    static void start() {
        fixture = PeerFixture.start("submit-evaluate");
        gateway = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer");
        contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fixture.close();
    }

    @Test
    void submitted_value_is_committed_and_evaluates() throws Exception {
        final byte[] txId = contract.submitTransaction("put", "k1", "v1");
        assertThat(new String(txId, StandardCharsets.UTF_8)).hasSize(64);
        assertThat(new String(contract.evaluateTransaction("get", "k1"), StandardCharsets.UTF_8)).isEqualTo("v1");
    }

    @Test
    void async_submit_reports_valid_commit_status_with_block_number() throws Exception {
        final SubmittedTransaction submitted = contract.newProposal("put").addArguments("k2", "v2").build()
                .endorse().submitAsync();
        assertThat(new String(submitted.getResult(), StandardCharsets.UTF_8)).isEqualTo(submitted.getTransactionId());
        final var status = submitted.getStatus();
        assertThat(status.isSuccessful()).isTrue();
        assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(status.getBlockNumber()).isPositive().isLessThan(fixture.peer.blockHeight());
    }

    @Test
    void shim_sees_the_real_creator_role_transient_data_and_timestamp() throws Exception {
        final long before = System.currentTimeMillis();
        final var proposal = contract.newProposal("whoami")
                .putTransient("secret", "s3cret".getBytes(StandardCharsets.UTF_8)).build();
        final String[] parts = new String(proposal.evaluate(), StandardCharsets.UTF_8).split("\\|", -1);
        assertThat(parts[0]).isEqualTo("HuaxiaVaccineMSP");
        assertThat(parts[1]).isEqualTo("manufacturer");
        assertThat(parts[2]).isEqualTo(proposal.getTransactionId());
        assertThat(Long.parseLong(parts[3])).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
        assertThat(parts[4]).isEqualTo("s3cret");
    }

    @Test
    void reads_see_committed_state_not_the_transactions_own_writes() throws Exception {
        contract.submitTransaction("put", "own", "old");
        assertThat(new String(contract.submitTransaction("putThenGet", "own", "new"), StandardCharsets.UTF_8))
                .isEqualTo("old");
        assertThat(new String(contract.evaluateTransaction("get", "own"), StandardCharsets.UTF_8)).isEqualTo("new");
    }
}
