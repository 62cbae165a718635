// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekNewest;
import org.hyperledger.fabric.protos.orderer.SeekOldest;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.DeliverResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deliver's seek positions and content types, on the wire. */
class DeliverTest {
    private static PeerFixture fixture;
    private static EnrolledIdentity alice;
    private static PrivateKey key;

    @BeforeAll
    static void start() throws Exception {
        fixture = PeerFixture.start("deliver");
        alice = fixture.peer.certificateAuthority().enroll("ShenDistMSP", "alice", "distributor");
        try (Reader reader = Files.newBufferedReader(alice.privateKeyPem());
                Gateway gateway = PeerFixture.gateway(fixture.channel, alice)) {
            key = Identities.readPrivateKey(reader);
            final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            for (int i = 0; i < 3; i++) {
                contract.submitTransaction("put", "d" + i, "v");
            }
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void oldest_to_newest_delivers_every_block_then_success() throws Exception {
        final long height = fixture.peer.blockHeight();
        final List<DeliverResponse> responses = RawDeliver.seek(fixture.channel, alice, key, SeekInfo.newBuilder()
                .setStart(SeekPosition.newBuilder().setOldest(SeekOldest.getDefaultInstance()))
                .setStop(SeekPosition.newBuilder().setNewest(SeekNewest.getDefaultInstance())).build());
        assertThat(responses).hasSize((int) height + 1);
        for (int i = 0; i < height; i++) {
            assertThat(responses.get(i).getBlock().getHeader().getNumber()).isEqualTo(i);
        }
        assertThat(responses.get((int) height).getStatus()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void newest_alone_delivers_the_last_block_and_header_with_sig_omits_the_data() throws Exception {
        final long height = fixture.peer.blockHeight();
        final SeekPosition newest = SeekPosition.newBuilder().setNewest(SeekNewest.getDefaultInstance()).build();
        final List<DeliverResponse> responses = RawDeliver.seek(fixture.channel, alice, key, SeekInfo.newBuilder()
                .setStart(newest).setStop(newest).setContentType(SeekInfo.SeekContentType.HEADER_WITH_SIG).build());
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).getBlock().getHeader().getNumber()).isEqualTo(height - 1);
        assertThat(responses.get(0).getBlock().hasData()).isFalse();
        assertThat(responses.get(0).getBlock().getMetadata().getMetadataCount()).isEqualTo(5);
        assertThat(responses.get(1).getStatus()).isEqualTo(Status.SUCCESS);
    }

    @Test
    void a_seek_without_positions_is_a_bad_request() throws Exception {
        final List<DeliverResponse> responses = RawDeliver.seek(fixture.channel, alice, key,
                SeekInfo.getDefaultInstance());
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).getStatus()).isEqualTo(Status.BAD_REQUEST);
    }
}
