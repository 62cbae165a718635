// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
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
    void a_bracketed_word_in_a_grpc_status_text_is_no_refusal() {
        final LedgerException translated = ChaincodeErrors.translate(new GatewayException(Status.DEADLINE_EXCEEDED
                .withDescription("ClientCall was cancelled at or after deadline. [closed=[CANCELLED],"
                        + " committed=[remote_addr=127.0.0.1/127.0.0.1:33355]]").asRuntimeException()), "tx1");
        assertThat(translated).isInstanceOf(LedgerUnavailableException.class);
        assertThat(ChaincodeErrors.refusal("evaluate call to endorser returned error: chaincode response 500,"
                + " [UNIT_NOT_FOUND] unit x is not known", null, null)).get()
                .extracting(ChaincodeRefusedException::code).isEqualTo("UNIT_NOT_FOUND");
        assertThat(ChaincodeErrors.refusal("[UNIT_NOT_FOUND] unit x is not known", null, null)).isPresent();
    }

    @Test
    void an_unreachable_peer_is_unavailable_not_a_refusal() {
        final LedgerException translated = ChaincodeErrors.translate(
                new GatewayException(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException()),
                null);
        assertThat(translated).isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void a_chaincode_that_died_during_the_endorsement_is_unavailable_not_a_ledger_error() {
        final LedgerException translated = ChaincodeErrors.translate(aborted(
                "error in simulation: chaincode stream terminated"), "tx1");
        assertThat(translated).isInstanceOf(LedgerUnavailableException.class);
        assertThat(translated.getMessage()).contains("nothing was committed").contains("chaincode stream terminated");
        assertThat(translated.transactionId()).contains("tx1");
    }

    @Test
    void a_chaincode_being_relaunched_or_too_slow_is_unavailable() {
        assertThat(ChaincodeErrors.translate(aborted("error in simulation: could not connect to chaincode"
                + " traceability within PT1M"), null)).isInstanceOf(LedgerUnavailableException.class);
        assertThat(ChaincodeErrors.translate(aborted("error in simulation: timeout expired while executing"
                + " transaction"), null)).isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void a_refusal_stays_a_refusal_and_another_abort_stays_a_ledger_error() {
        assertThat(ChaincodeErrors.translate(aborted("chaincode response 500, [UNIT_NOT_FOUND] unit x is not known"),
                null)).isInstanceOf(ChaincodeRefusedException.class);
        final LedgerException other = ChaincodeErrors.translate(aborted("error in simulation: no such chaincode"),
                null);
        assertThat(other).isNotInstanceOf(LedgerUnavailableException.class)
                .isNotInstanceOf(ChaincodeRefusedException.class);
    }

    /** What a peer answers when an endorsement fails: ABORTED, with the reason in one error detail. */
    private static GatewayException aborted(final String detail) {
        return new GatewayException(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.ABORTED.value())
                .setMessage("failed to endorse transaction, see attached details for more info")
                .addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("127.0.0.1:7051").setMspId("HuaxiaVaccineMSP")
                        .setMessage(detail).build())).build()));
    }
}
