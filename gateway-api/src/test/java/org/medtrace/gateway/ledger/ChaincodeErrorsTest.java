// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Test;

/** The chaincode's code is read from the peer's "chaincode response 500, [CODE] message" text. */
class ChaincodeErrorsTest {

    @Test
    void a_coded_message_becomes_a_refusal_with_code_message_and_transaction() {
        final ChaincodeRefusedException refused = ChaincodeErrors.refusal(
                "chaincode response 500, [UNIT_ALREADY_DISPENSED] unit 88.1/x was dispensed at 2026-11-23", "tx1",
                null).orElseThrow();
        assertThat(refused.code()).isEqualTo("UNIT_ALREADY_DISPENSED");
        assertThat(refused.chaincodeMessage()).isEqualTo("unit 88.1/x was dispensed at 2026-11-23");
        assertThat(refused.transactionId()).contains("tx1");
    }

    @Test
    void text_without_a_code_is_no_refusal() {
        assertThat(ChaincodeErrors.refusal("failed to endorse transaction", "tx1", null)).isEmpty();
        assertThat(ChaincodeErrors.refusal("[lower] case", "tx1", null)).isEmpty();
        assertThat(ChaincodeErrors.refusal(null, "tx1", null)).isEmpty();
    }

    @Test
    void an_unreachable_peer_is_unavailable_not_a_refusal() {
        final LedgerException translated = ChaincodeErrors.translate(
                new GatewayException(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException()),
                null);
        assertThat(translated).isInstanceOf(LedgerUnavailableException.class);
    }
}
