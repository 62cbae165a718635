// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.crypto.P256Signers;

/**
 * The dev peer's fast fabric-gateway signer against the peer, which refuses high-S signatures: proposals, envelopes
 * and commit-status requests it signs (60 signatures, each high-S half of the time before normalisation) all pass.
 */
class FastSignerTest {
    @Test
    void transactions_signed_by_p256_signers_are_endorsed_ordered_and_committed_valid() throws Exception {
        try (PeerFixture fixture = PeerFixture.start("fast-signer");
                Gateway gateway = PeerFixture.gateway(fixture.channel, fixture.peer.certificateAuthority()
                        .enroll("ShenDistMSP", "fast", "distributor"), P256Signers::newPrivateKeySigner)) {
            final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            for (int i = 0; i < 20; i++) {
                final Status status = contract.newProposal("put").addArguments("fast-" + i, "v" + i).build()
                        .endorse().submitAsync().getStatus();
                assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
            }
            assertThat(new String(contract.evaluateTransaction("get", "fast-19"), StandardCharsets.UTF_8))
                    .isEqualTo("v19");
        }
    }
}
