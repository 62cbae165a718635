// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.medtrace.devpeer.CertificateAuthority;
import org.medtrace.devpeer.chaincode.ChaincodeException;
import org.medtrace.devpeer.chaincode.ChaincodeRuntime;
import org.medtrace.devpeer.crypto.P256;
import org.medtrace.devpeer.identity.LocalCertificateAuthority;
import org.medtrace.devpeer.identity.MspRegistry;
import org.medtrace.devpeer.identity.SigningIdentity;
import org.medtrace.devpeer.identity.TlsMaterial;
import org.medtrace.devpeer.ledger.InvalidTransactionException;
import org.medtrace.devpeer.ledger.Ledger;
import org.medtrace.devpeer.ledger.OrderedTx;
import org.medtrace.devpeer.ledger.ParsedTx;

/** A running peer: identities, ledger, chaincodes, ordering and the gRPC server, started and stopped together. */
public final class PeerServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PeerServer.class.getName());
    /** Server-streaming calls (Deliver, ChaincodeEvents) served at once; each holds a thread while it streams. */
    private static final int STREAMS_MAX = 512;
    /** Commit-status requests waiting at once. */
    private static final int COMMIT_WAITERS_MAX = 100_000;
    /** Fabric's default message limit is 100 MiB; the dev peer takes up to 32 MiB requests. */
    private static final int MESSAGE_BYTES_MAX = 32 * 1024 * 1024;

    private final LocalCertificateAuthority certificateAuthority;
    private final TlsMaterial tls;
    private final String tlsServerName;
    private final Ledger ledger;
    private final List<ChaincodeRuntime> chaincodes;
    private final Orderer orderer;
    private final ExecutorService streams;
    private final Server server;

    private PeerServer(final LocalCertificateAuthority certificateAuthority, final TlsMaterial tls,
            final String tlsServerName, final Ledger ledger, final List<ChaincodeRuntime> chaincodes,
            final Orderer orderer, final ExecutorService streams, final Server server) {
        this.certificateAuthority = certificateAuthority;
        this.tls = tls;
        this.tlsServerName = tlsServerName;
        this.ledger = ledger;
        this.chaincodes = chaincodes;
        this.orderer = orderer;
        this.streams = streams;
        this.server = server;
    }

    /**
     * Starts a peer.
     *
     * @throws IOException if the ledger cannot be opened or the port cannot be bound
     * @throws ChaincodeException if a chaincode does not start and register in time
     */
    public static PeerServer start(final PeerSettings settings) throws IOException, ChaincodeException {
        final LocalCertificateAuthority ca = LocalCertificateAuthority.open(
                settings.dataDirectory.resolve("organizations"), settings.organizations);
        final SigningIdentity peer = ca.peerIdentity(settings.peerOrganization);
        final MspRegistry msps = new MspRegistry(ca.roots());
        final TlsMaterial tls = TlsMaterial.prepare(settings.dataDirectory.resolve("tls"), settings.tlsServerName,
                settings.host);
        final Ledger ledger = Ledger.open(settings.dataDirectory.resolve("ledger"), settings.channel, peer);
        final List<ChaincodeRuntime> chaincodes = new ArrayList<>();
        try {
            if (ledger.height() == 0) {
                commitGenesis(ledger, settings.channel, ca, peer);
            }
            final Map<String, ChaincodeRuntime> byName = startChaincodes(settings, chaincodes);
            return assemble(settings, ca, peer, msps, tls, ledger, chaincodes, byName);
        } catch (final IOException | ChaincodeException | RuntimeException e) {
            chaincodes.forEach(ChaincodeRuntime::close);
            ledger.close();
            throw e;
        }
    }

    private static PeerServer assemble(final PeerSettings settings, final LocalCertificateAuthority ca,
            final SigningIdentity peer, final MspRegistry msps, final TlsMaterial tls, final Ledger ledger,
            final List<ChaincodeRuntime> chaincodes, final Map<String, ChaincodeRuntime> byName) throws IOException {
        final EndorsementVerifier endorsements = new EndorsementVerifier(peer);
        final Orderer orderer = new Orderer(ledger, settings.blockSizeMax, settings.blockSizeBytesMax,
                settings.batchTimeoutMs, settings.queueMax);
        final ExecutorService streams = new ThreadPoolExecutor(0, STREAMS_MAX, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("devpeer-stream"));
        final Endorser endorser = new Endorser(ledger, msps, endorsements, byName, settings.executeTimeout);
        final AtomicReference<String> address = new AtomicReference<>(settings.host + ":" + settings.port);
        final Errors errors = new Errors(address::get, peer.mspId());
        final GatewayService gateway = new GatewayService(ledger, msps, endorser,
                new SubmitChecks(settings.channel, msps, endorsements, orderer, errors),
                new CommitWaiters(ledger, COMMIT_WAITERS_MAX), streams, errors);
        final Server server;
        try {
            // Plaintext only on loopback hosts (the builder checks): no handshake, no record encryption per call.
            final ServerCredentials credentials = settings.tls
                    ? TlsServerCredentials.create(tls.serverCertificate().toFile(), tls.serverKey().toFile())
                    : InsecureServerCredentials.create();
            server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host, settings.port), credentials)
                    .addService(gateway).addService(new DeliverService(ledger, msps, streams))
                    // Unary handlers never block (endorsement completes from the chaincode stream, commit status
                    // from the committer; streams get threads of their own): running them on the event loop saves
                    // a thread hand-off per call.
                    .directExecutor().maxInboundMessageSize(MESSAGE_BYTES_MAX).build().start();
        } catch (final IOException | RuntimeException e) {
            orderer.close();
            streams.shutdownNow();
            throw e;
        }
        address.set(settings.host + ":" + ((InetSocketAddress) server.getListenSockets().get(0)).getPort());
        LOG.info(() -> "dev peer for channel " + settings.channel + " listening on " + server.getListenSockets()
                + (settings.tls ? " (TLS)" : " (plaintext, loopback only)")
                + " (block height " + ledger.height() + "; ECDSA by " + P256.implementation() + ")");
        return new PeerServer(ca, tls, settings.tlsServerName, ledger, chaincodes, orderer, streams, server);
    }

    private static void commitGenesis(final Ledger ledger, final String channel, final LocalCertificateAuthority ca,
            final SigningIdentity peer) throws IOException {
        try {
            final ParsedTx genesis = ParsedTx.parse(GenesisBlock.configEnvelope(channel, ca.roots(), peer));
            ledger.commit(List.of(List.of(new OrderedTx(genesis, TxValidationCode.VALID))));
        } catch (final InvalidTransactionException e) {
            throw new IllegalStateException("the genesis configuration transaction is malformed", e);
        }
    }

    private static Map<String, ChaincodeRuntime> startChaincodes(final PeerSettings settings,
            final List<ChaincodeRuntime> started) throws ChaincodeException {
        final Map<String, ChaincodeRuntime> byName = new LinkedHashMap<>();
        final Path logs = settings.dataDirectory.resolve("logs");
        final Map<String, String> environment = new LinkedHashMap<>(settings.chaincodeEnvironment);
        environment.put("CORE_PEER_LOCALMSPID", settings.peerOrganization);
        settings.chaincodeJars.forEach((name, jar) -> byName.put(name, ChaincodeRuntime.launch(name, jar, logs,
                environment, settings.chaincodeStartTimeout)));
        settings.chaincodeAddresses.forEach((name, address) ->
                byName.put(name, ChaincodeRuntime.connect(name, address, settings.chaincodeStartTimeout)));
        started.addAll(byName.values());
        for (final ChaincodeRuntime chaincode : byName.values()) {
            chaincode.start();
        }
        return byName;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(final String prefix) {
        final AtomicInteger next = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, prefix + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The address the gRPC server listens on (with the actual port if 0 was asked for). */
    public InetSocketAddress endpoint() {
        return (InetSocketAddress) server.getListenSockets().get(0);
    }

    /** The PEM TLS root certificate clients trust. */
    public Path tlsRootCertificate() {
        return tls.caCertificate();
    }

    /** The server name in the TLS certificate, for {@code overrideAuthority}. */
    public String tlsServerName() {
        return tlsServerName;
    }

    /** The organisations' certificate authorities. */
    public CertificateAuthority certificateAuthority() {
        return certificateAuthority;
    }

    /** The number of committed blocks. */
    public long height() {
        return ledger.height();
    }

    /** Null if every block links to its predecessor by hash and matches its data hash, else the first problem. */
    public String verifyChain() {
        try {
            return ledger.verifyChain();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        orderer.close();
        chaincodes.forEach(ChaincodeRuntime::close);
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        streams.shutdownNow();
        try {
            streams.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ledger.close();
        LOG.log(Level.INFO, "dev peer stopped");
    }
}
