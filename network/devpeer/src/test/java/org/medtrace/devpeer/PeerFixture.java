// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/** Starting a dev peer for a test and connecting the real fabric-gateway SDK to it over TLS. */
final class PeerFixture implements AutoCloseable {
    static final List<String> ORGS = List.of("HuaxiaVaccineMSP", "ShenDistMSP", "ShanghaiMpaMSP");
    static final String CHAINCODE = "asset";

    final DevPeer peer;
    final ManagedChannel channel;

    private PeerFixture(final DevPeer peer, final ManagedChannel channel) {
        this.peer = peer;
        this.channel = channel;
    }

    /** A peer on a fresh data directory under target/, serving the in-JVM test contract. */
    static PeerFixture start(final String name) {
        return start(freshDirectory(name), builder -> builder);
    }

    static PeerFixture start(final Path directory, final UnaryOperator<DevPeer.Builder> customize) {
        final DevPeer peer = customize.apply(DevPeer.builder().dataDirectory(directory).organizations(ORGS)
                .chaincodeAddress(CHAINCODE, TestChaincodeServer.address())).build();
        peer.start();
        return new PeerFixture(peer, channelTo(peer));
    }

    static ManagedChannel channelTo(final DevPeer peer) {
        try {
            return Grpc.newChannelBuilderForAddress(peer.endpoint().getHostString(), peer.endpoint().getPort(),
                    TlsChannelCredentials.newBuilder().trustManager(peer.tlsRootCertificate().toFile()).build())
                    .overrideAuthority(peer.tlsServerName()).build();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path freshDirectory(final String name) {
        final Path root = Path.of(System.getProperty("devpeer.test.dir", "target/test-data"));
        final Path directory = root.resolve(name + "-" + System.nanoTime());
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A connected gateway for a newly enrolled (or existing) identity. */
    Gateway gateway(final String mspId, final String user, final String role) {
        return gateway(channel, peer.certificateAuthority().enroll(mspId, user, role));
    }

    static Gateway gateway(final ManagedChannel channel, final EnrolledIdentity identity) {
        return gateway(channel, identity, Signers::newPrivateKeySigner);
    }

    /** A connected gateway whose signer is made by the given factory (the SDK's, or the dev peer's fast one). */
    static Gateway gateway(final ManagedChannel channel, final EnrolledIdentity identity,
            final Function<PrivateKey, Signer> signers) {
        try (Reader cert = Files.newBufferedReader(identity.certificatePem());
                Reader key = Files.newBufferedReader(identity.privateKeyPem())) {
            return Gateway.newInstance()
                    .identity(new X509Identity(identity.mspId(), Identities.readX509Certificate(cert)))
                    .signer(signers.apply(Identities.readPrivateKey(key)))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .endorseOptions(options -> options.withDeadlineAfter(20, TimeUnit.SECONDS))
                    .submitOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                    .commitStatusOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .connect();
        } catch (final IOException | java.security.cert.CertificateException
                | java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        peer.close();
    }
}
