// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.junit.jupiter.api.Test;

/** The ledger survives restarts and SIGKILL: nothing reported committed is lost, and the chain verifies. */
class DurabilityTest {
    private static final String ORGS = String.join(",", PeerFixture.ORGS);

    @Test
    void a_restarted_peer_keeps_its_blocks_state_and_identities() throws Exception {
        final Path dir = PeerFixture.freshDirectory("restart");
        final long height;
        try (PeerFixture fixture = PeerFixture.start(dir, builder -> builder);
                Gateway gateway = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer")) {
            final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            contract.submitTransaction("put", "kept", "before");
            height = fixture.peer.blockHeight();
        }
        try (PeerFixture fixture = PeerFixture.start(dir, builder -> builder);
                Gateway gateway = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer")) {
            assertThat(fixture.peer.blockHeight()).isEqualTo(height);
            final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
            assertThat(new String(contract.evaluateTransaction("get", "kept"), StandardCharsets.UTF_8))
                    .isEqualTo("before");
            contract.submitTransaction("put", "kept", "after");
            assertThat(fixture.peer.blockHeight()).isEqualTo(height + 1);
            assertThat(ChainVerifier.verify(blocks(gateway.getNetwork("medtrace"), height + 1))).isNull();
        }
    }

    @Test
    void sigkill_during_load_loses_no_transaction_reported_committed() throws Exception {
        final Path dir = PeerFixture.freshDirectory("sigkill");
        final Process child = launchPeer(dir);
        final Map<String, String> committed = new ConcurrentHashMap<>();
        final Set<String> committedTxIds = ConcurrentHashMap.newKeySet();
        try {
            final int port = awaitPort(dir.resolve("port"), child);
            final EnrolledIdentity alice = new EnrolledIdentity("HuaxiaVaccineMSP", "alice", "manufacturer",
                    dir.resolve("organizations/HuaxiaVaccineMSP/users/alice/cert.pem"),
                    dir.resolve("organizations/HuaxiaVaccineMSP/users/alice/key.pem"));
            final ManagedChannel channel = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", port,
                    io.grpc.TlsChannelCredentials.newBuilder().trustManager(dir.resolve("tls/ca-cert.pem").toFile())
                            .build()).overrideAuthority("peer0.devpeer.medtrace").build();
            try (Gateway gateway = PeerFixture.gateway(channel, alice)) {
                final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
                final AtomicBoolean stop = new AtomicBoolean();
                final List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    final int client = t;
                    final Thread thread = new Thread(() -> load(contract, client, stop, committed, committedTxIds));
                    thread.start();
                    clients.add(thread);
                }
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (committed.size() < 200 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                stop.set(true);
                for (final Thread thread : clients) {
                    thread.join(TimeUnit.SECONDS.toMillis(60));
                }
            } finally {
                channel.shutdownNow();
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(committed).hasSizeGreaterThanOrEqualTo(200);
        try (PeerFixture fixture = PeerFixture.start(dir, builder -> builder);
                Gateway gateway = fixture.gateway("HuaxiaVaccineMSP", "alice", "manufacturer")) {
            final Network network = gateway.getNetwork("medtrace");
            final Contract contract = network.getContract(PeerFixture.CHAINCODE);
            for (final Map.Entry<String, String> entry : committed.entrySet()) {
                assertThat(new String(contract.evaluateTransaction("get", entry.getKey()), StandardCharsets.UTF_8))
                        .isEqualTo(entry.getValue());
            }
            final List<Block> chain = blocks(network, fixture.peer.blockHeight());
            assertThat(ChainVerifier.verify(chain)).isNull();
            assertThat(txIds(chain)).containsAll(committedTxIds);
        }
    }

    private static void load(final Contract contract, final int client, final AtomicBoolean stop,
            final Map<String, String> committed, final Set<String> committedTxIds) {
        for (int i = 0; !stop.get(); i++) {
            final String key = "crash-" + client + "-" + i;
            try {
                final SubmittedTransaction tx = contract.newProposal("put").addArguments(key, "v" + i).build()
                        .endorse().submitAsync();
                if (tx.getStatus().isSuccessful()) {
                    committed.put(key, "v" + i);
                    committedTxIds.add(tx.getTransactionId());
                }
            } catch (final Exception e) {
                // The peer was killed: later calls fail until the test stops the load.
                return;
            }
        }
    }

    private static Process launchPeer(final Path dir) throws Exception {
        final String java = ProcessHandle.current().info().command().orElse("java");
        final ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevPeerMain.class.getName(), "--data-dir", dir.toString(), "--orgs", ORGS,
                "--chaincode-address", PeerFixture.CHAINCODE + "=" + TestChaincodeServer.address(),
                "--port-file", dir.resolve("port").toString(), "--enroll", "HuaxiaVaccineMSP:alice:manufacturer");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile());
        return builder.start();
    }

    private static int awaitPort(final Path portFile, final Process child) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.exists(portFile)) {
            assertThat(child.isAlive()).as("peer process alive").isTrue();
            assertThat(System.nanoTime()).as("peer started in time").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Integer.parseInt(Files.readString(portFile).trim());
    }

    private static List<Block> blocks(final Network network, final long height) {
        final List<Block> blocks = new ArrayList<>();
        try (CloseableIterator<Block> iterator = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
            while (blocks.size() < height) {
                blocks.add(iterator.next());
            }
        }
        return blocks;
    }

    private static Set<String> txIds(final List<Block> blocks) throws Exception {
        final Set<String> ids = new HashSet<>();
        for (final Block block : blocks) {
            for (final var data : block.getData().getDataList()) {
                final Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
                ids.add(ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId());
            }
        }
        return ids;
    }
}
