// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.junit.jupiter.api.Test;
import org.medtrace.devpeer.crypto.P256Signers;

/** Plaintext gRPC for loopback clients: the SDK works over it, and it is refused for any other host. */
class PlaintextTest {
    @Test
    void the_sdk_submits_and_evaluates_over_plaintext_and_a_tls_client_is_not_served() throws Exception {
        try (DevPeer peer = DevPeer.builder().dataDirectory(PeerFixture.freshDirectory("plaintext"))
                .organizations(PeerFixture.ORGS).chaincodeAddress(PeerFixture.CHAINCODE, TestChaincodeServer.address())
                .plaintextOnLoopback().build()) {
            peer.start();
            assertThat(peer.tls()).isFalse();
            assertThatThrownBy(peer::tlsRootCertificate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("plaintext");
            final EnrolledIdentity alice = peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "alice",
                    "manufacturer");
            final ManagedChannel plain = Grpc.newChannelBuilderForAddress(peer.endpoint().getHostString(),
                    peer.endpoint().getPort(), InsecureChannelCredentials.create()).build();
            try (Gateway gateway = PeerFixture.gateway(plain, alice, P256Signers::newPrivateKeySigner)) {
                final Contract contract = gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE);
                final Status status = contract.newProposal("put").addArguments("plain-1", "v1").build().endorse()
                        .submitAsync().getStatus();
                assertThat(status.isSuccessful()).isTrue();
                assertThat(status.getBlockNumber()).isPositive();
                assertThat(new String(contract.evaluateTransaction("get", "plain-1"), StandardCharsets.UTF_8))
                        .isEqualTo("v1");
            } finally {
                plain.shutdownNow();
            }
            final ManagedChannel tls = Grpc.newChannelBuilderForAddress(peer.endpoint().getHostString(),
                    peer.endpoint().getPort(), TlsChannelCredentials.create()).overrideAuthority(peer.tlsServerName())
                    .build();
            try (Gateway gateway = PeerFixture.gateway(tls, alice, P256Signers::newPrivateKeySigner)) {
                assertThatThrownBy(() -> gateway.getNetwork("medtrace").getContract(PeerFixture.CHAINCODE)
                        .evaluateTransaction("get", "plain-1")).isInstanceOf(GatewayException.class)
                        .satisfies(e -> assertThat(((GatewayException) e).getStatus().getCode())
                                .isEqualTo(io.grpc.Status.Code.UNAVAILABLE));
            } finally {
                tls.shutdownNow();
            }
        }
    }

    @Test
    void plaintext_is_refused_at_build_unless_the_host_is_a_loopback_address() {
        final Path dir = PeerFixture.freshDirectory("plaintext-refused");
        for (final String host : List.of("0.0.0.0", "10.1.2.3", "192.168.0.7", "::", "host.invalid")) {
            assertThatThrownBy(() -> DevPeer.builder().dataDirectory(dir).organizations(PeerFixture.ORGS).host(host)
                    .plaintextOnLoopback().build()).as(host).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plaintextOnLoopback needs a loopback host").hasMessageContaining(host);
            // The same host with TLS (the default) is fine.
            assertThat(DevPeer.builder().dataDirectory(dir).organizations(PeerFixture.ORGS).host(host).build().tls())
                    .isTrue();
        }
        for (final String host : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
            assertThat(DevPeer.builder().dataDirectory(dir).organizations(PeerFixture.ORGS).host(host)
                    .plaintextOnLoopback().build().tls()).as(host).isFalse();
        }
    }

    @Test
    void the_standalone_peer_takes_tls_false_and_refuses_it_for_another_host() {
        final Map<String, List<String>> options = Map.of("data-dir", List.of("unused"), "orgs",
                List.of("HuaxiaVaccineMSP"), "host", List.of("10.1.2.3"), "tls", List.of("false"));
        assertThatThrownBy(() -> DevPeerMain.configure(options).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThat(DevPeerMain.configure(Map.of("data-dir", List.of("unused"), "orgs", List.of("HuaxiaVaccineMSP"),
                "tls", List.of("false"))).build().tls()).isFalse();
        assertThatThrownBy(() -> DevPeerMain.configure(Map.of("data-dir", List.of("unused"), "orgs",
                List.of("HuaxiaVaccineMSP"), "tls", List.of("no")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls takes true or false");
    }
}
