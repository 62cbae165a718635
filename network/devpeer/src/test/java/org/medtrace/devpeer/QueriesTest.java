// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shim's query and metadata requests, and how chaincode errors reach the client. */
class QueriesTest {
    private static PeerFixture fixture;
    private static Gateway gateway;
    private static Contract contract;

    @BeforeAll
    static void start() {
        fixture = PeerFixture.start("queries");
        gateway = fixture.gateway("HuaxiaVaccineMSP", "dave", "manufacturer");
        contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fixture.close();
    }

    @Test
    void range_queries_span_batches_with_has_more() throws Exception {
        contract.submitTransaction("putMany", "r", "250");
        final String[] pairs = evaluate("range", "r-", "r-~").split(",");
        assertThat(pairs).hasSize(250);
        assertThat(pairs[0]).isEqualTo("r-00000=0");
        assertThat(pairs[249]).isEqualTo("r-00249=249");
        assertThat(evaluate("range", "r-00010", "r-00013")).isEqualTo("r-00010=10,r-00011=11,r-00012=12");
    }

    @Test
    void partial_composite_key_pages_follow_bookmarks() throws Exception {
        for (final String id : List.of("e", "a", "d", "b", "c")) {
            contract.submitTransaction("putItem", "case", id, id);
        }
        contract.submitTransaction("putItem", "caseX", "z", "z");
        assertThat(evaluate("listItems", "case")).isEqualTo("a,b,c,d,e");
        final List<String> seen = new ArrayList<>();
        String bookmark = "";
        do {
            final String[] page = evaluate("pageItems", "case", "2", bookmark).split("\\|", -1);
            seen.addAll(List.of(page[0].split(",")));
            assertThat(Integer.parseInt(page[2])).isEqualTo(page[0].split(",").length);
            bookmark = page[1];
        } while (!bookmark.isEmpty());
        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void history_lists_every_modification_newest_first_with_deletes() throws Exception {
        final String tx1 = new String(contract.submitTransaction("put", "h", "one"), StandardCharsets.UTF_8);
        final String tx2 = new String(contract.submitTransaction("put", "h", "two"), StandardCharsets.UTF_8);
        contract.submitTransaction("del", "h");
        final String[] history = evaluate("history", "h").split(",");
        assertThat(history).hasSize(3);
        assertThat(history[0]).matches("[0-9a-f]{64}::true:\\d+");
        assertThat(history[1]).startsWith(tx2 + ":two:false:");
        assertThat(history[2]).startsWith(tx1 + ":one:false:");
        assertThat(evaluate("get", "h")).isEmpty();
    }

    @Test
    void state_metadata_is_kept_when_the_value_changes() throws Exception {
        contract.submitTransaction("put", "m", "v1");
        contract.submitTransaction("setMeta", "m", "VALIDATION_PARAMETER", "policy-bytes");
        contract.submitTransaction("put", "m", "v2");
        assertThat(evaluate("getMeta", "m")).isEqualTo("policy-bytes");
        assertThat(evaluate("get", "m")).isEqualTo("v2");
    }

    @Test
    void a_write_after_a_paginated_query_is_refused_as_in_fabric() {
        assertThatThrownBy(() -> contract.submitTransaction("pageThenWrite", "case"))
                .isInstanceOf(EndorseException.class)
                .hasMessageContaining("failed to endorse transaction");
    }

    @Test
    void a_chaincode_error_fails_endorsement_with_aborted_and_the_message_in_the_details() {
        assertThatThrownBy(() -> contract.submitTransaction("fail", "no such batch"))
                .isInstanceOfSatisfying(EndorseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    final List<ErrorDetail> details = e.getDetails();
                    assertThat(details).hasSize(1);
                    assertThat(details.get(0).getMessage())
                            .isEqualTo("chaincode response 500, [TEST_FAILURE] no such batch");
                    assertThat(details.get(0).getMspId()).isEqualTo("HuaxiaVaccineMSP");
                    assertThat(details.get(0).getAddress()).endsWith(":" + fixture.peer.endpoint().getPort());
                });
    }

    @Test
    void a_chaincode_error_on_evaluate_is_unknown_with_the_message() {
        assertThatThrownBy(() -> contract.evaluateTransaction("fail", "bad"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                    assertThat(e.getStatus().getDescription()).isEqualTo(
                            "evaluate call to endorser returned error: chaincode response 500, [TEST_FAILURE] bad");
                });
    }

    @Test
    void an_unknown_chaincode_is_refused() {
        final Contract missing = gateway.getNetwork("medtrace").getContract("nosuchcc");
        assertThatThrownBy(() -> missing.submitTransaction("x"))
                .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                        .contains("chaincode definition for 'nosuchcc' not found"));
    }

    @Test
    void an_unknown_channel_is_refused() {
        final Contract other = gateway.getNetwork("otherchannel").getContract(PeerFixture.CHAINCODE);
        assertThatThrownBy(() -> other.evaluateTransaction("get", "k"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains("channel 'otherchannel' not found");
                });
    }

    private static String evaluate(final String function, final String... args) throws Exception {
        return new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
    }
}
