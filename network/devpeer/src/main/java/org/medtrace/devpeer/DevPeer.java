// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.medtrace.devpeer.server.PeerSettings;

/**
 * A single-node peer that speaks Fabric's wire protocols: the Gateway and Deliver gRPC services for clients (so the
 * unmodified {@code fabric-gateway} SDK works against it) and the chaincode shim protocol for chaincode run as a
 * service. It executes, orders and validates as Fabric does and keeps a durable, hash-chained ledger.
 *
 * <pre>{@code
 * try (DevPeer peer = DevPeer.builder()
 *         .dataDirectory(Path.of("data/ledger"))
 *         .organizations(List.of("HuaxiaVaccineMSP", "ShenDistMSP"))
 *         .chaincodeJar("traceability", Path.of("traceability-chaincode-ccaas.jar"))
 *         .build()) {
 *     peer.start();
 *     EnrolledIdentity alice = peer.certificateAuthority().enroll("HuaxiaVaccineMSP", "alice", "manufacturer");
 *     // connect with Grpc.newChannelBuilderForAddress(host, port, TlsChannelCredentials trusting
 *     // peer.tlsRootCertificate()).overrideAuthority(peer.tlsServerName())
 * }
 * }</pre>
 */
public interface DevPeer extends AutoCloseable {
    /** A builder with the defaults documented on each setter. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the peer: creates or loads identities, opens the ledger (recovering from a crash), starts the
     * chaincodes and waits for them to register, and binds the gRPC server.
     *
     * @throws DevPeerException if anything fails to start; nothing is left running then
     * @throws IllegalStateException if already started or closed
     */
    void start();

    /**
     * The gRPC endpoint (TLS unless {@link #tls()} is false), with the actual port.
     *
     * @throws IllegalStateException before start
     */
    InetSocketAddress endpoint();

    /** Whether clients connect with TLS (the default), or in plaintext ({@link Builder#plaintextOnLoopback()}). */
    boolean tls();

    /**
     * The PEM root certificate clients trust for TLS.
     *
     * @throws IllegalStateException before start, or if the peer serves plaintext gRPC
     */
    Path tlsRootCertificate();

    /** The name the TLS certificate is issued for; clients pass it to {@code overrideAuthority}. */
    String tlsServerName();

    /** The organisations' CAs. @throws IllegalStateException before start */
    CertificateAuthority certificateAuthority();

    /** The channel name. */
    String channel();

    /** The number of committed blocks. @throws IllegalStateException before start */
    long blockHeight();

    /** Stops the server, commits what was accepted, stops the chaincodes and closes the ledger. Idempotent. */
    @Override
    void close();

    /** Settings for a {@link DevPeer}. Not thread-safe; {@link #build()} validates everything. */
    final class Builder {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
        private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
        private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

        private Path dataDirectory;
        private String host = "127.0.0.1";
        private int port;
        private String channel = "medtrace";
        private List<String> organizations = List.of();
        private String peerOrganization;
        private final Map<String, Path> chaincodeJars = new LinkedHashMap<>();
        private final Map<String, String> chaincodeAddresses = new LinkedHashMap<>();
        private final Map<String, String> chaincodeEnvironment = new LinkedHashMap<>();
        private int blockSizeMax = 500;
        private long blockSizeBytesMax = 10L * 1024 * 1024;
        private long batchTimeoutMs = 100;
        private long executeTimeoutMs = 30_000;
        private long chaincodeStartTimeoutMs = 60_000;
        private String tlsServerName = "peer0.devpeer.medtrace";
        private int queueMax = 20_000;
        private boolean plaintext;

        private Builder() {
        }

        /** Where identities, TLS material, the ledger and logs live (required); created if missing. */
        public Builder dataDirectory(final Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The address to listen on; default {@code 127.0.0.1}. */
        public Builder host(final String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; default 0, any free port (see {@link DevPeer#endpoint()}). */
        public Builder port(final int port) {
            this.port = port;
            return this;
        }

        /** The channel; default {@code medtrace}. */
        public Builder channel(final String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** The channel's organisations (MSP ids), at least one (required). */
        public Builder organizations(final List<String> mspIds) {
            this.organizations = List.copyOf(mspIds);
            return this;
        }

        /** The organisation the peer itself belongs to; default the first organisation. */
        public Builder peerOrganization(final String mspId) {
            this.peerOrganization = Objects.requireNonNull(mspId, "mspId");
            return this;
        }

        /** A chaincode jar the peer launches as a child process ({@code java -jar}, chaincode-as-a-service). */
        public Builder chaincodeJar(final String name, final Path jar) {
            chaincodeJars.put(requireName("chaincode name", name), Objects.requireNonNull(jar, "jar"));
            return this;
        }

        /**
         * Environment variables of the chaincode processes the peer launches ({@link #chaincodeJar}), added to
         * those they inherit, as an organisation's chaincode deployment sets them (e.g.
         * {@code MEDTRACE_CONSORTIUM_AUTHORITY}). The peer's own variables ({@code CHAINCODE_SERVER_ADDRESS},
         * {@code CORE_CHAINCODE_ID_NAME}) cannot be overridden. Replaces what an earlier call set.
         *
         * @param variables name to value
         * @return this builder
         * @throws IllegalArgumentException if a name is not an environment variable name
         */
        public Builder chaincodeEnvironment(final Map<String, String> variables) {
            Objects.requireNonNull(variables, "variables");
            variables.forEach((name, value) -> {
                if (name == null || !ENVIRONMENT_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("chaincode environment variable name '" + name
                            + "' is not [A-Za-z_][A-Za-z0-9_]*");
                }
                Objects.requireNonNull(value, name);
            });
            chaincodeEnvironment.clear();
            chaincodeEnvironment.putAll(variables);
            return this;
        }

        /** A chaincode-as-a-service server already running at {@code host:port}. */
        public Builder chaincodeAddress(final String name, final String address) {
            chaincodeAddresses.put(requireName("chaincode name", name), Objects.requireNonNull(address, "address"));
            return this;
        }

        /** Most transactions in a block; default 500. */
        public Builder blockSizeMax(final int transactions) {
            this.blockSizeMax = transactions;
            return this;
        }

        /** Most envelope bytes in a block (one larger transaction still gets a block of its own); default 10 MiB. */
        public Builder blockSizeBytesMax(final long bytes) {
            this.blockSizeBytesMax = bytes;
            return this;
        }

        /**
         * Longest a transaction waits for companions while the committer is busy; default 100 ms. When the committer
         * is idle a block is cut at once, so a lone transaction never waits for this timer; while it is busy, the
         * transactions that arrive gather into one block, cut when the committer is free (or the block is full, or
         * this timeout passes), instead of many small blocks that each cost a signature and an index update.
         */
        public Builder batchTimeoutMs(final long millis) {
            this.batchTimeoutMs = millis;
            return this;
        }

        /** Longest a chaincode invocation may run; default 30 s. */
        public Builder executeTimeoutMs(final long millis) {
            this.executeTimeoutMs = millis;
            return this;
        }

        /** Longest a chaincode may take to start and register; default 60 s. */
        public Builder chaincodeStartTimeoutMs(final long millis) {
            this.chaincodeStartTimeoutMs = millis;
            return this;
        }

        /** The TLS server name; default {@code peer0.devpeer.medtrace}. */
        public Builder tlsServerName(final String name) {
            this.tlsServerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Most submitted transactions waiting to be ordered; beyond it Submit answers UNAVAILABLE. Default 20,000. */
        public Builder queueMax(final int transactions) {
            this.queueMax = transactions;
            return this;
        }

        /**
         * Serves gRPC without TLS, for clients on the same machine (benchmarks, a gateway in the same JVM or host):
         * TLS costs the clients and the peer CPU on every call and protects nothing on the loopback interface.
         * {@link #build()} refuses it unless {@link #host(String)} names only loopback addresses. Default: TLS.
         */
        public Builder plaintextOnLoopback() {
            this.plaintext = true;
            return this;
        }

        /**
         * Validates the settings and creates the (not yet started) peer.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public DevPeer build() {
            if (dataDirectory == null) {
                throw new IllegalArgumentException("dataDirectory is required");
            }
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("channel must match " + CHANNEL + ", got " + channel);
            }
            if (organizations.isEmpty()) {
                throw new IllegalArgumentException("at least one organisation is required");
            }
            organizations.forEach(msp -> requireName("MSP id", msp));
            final String peerMsp = peerOrganization == null ? organizations.get(0) : peerOrganization;
            if (!organizations.contains(peerMsp)) {
                throw new IllegalArgumentException("peerOrganization " + peerMsp + " is not one of " + organizations);
            }
            requireRange("port", port, 0, 65_535);
            requireRange("blockSizeMax", blockSizeMax, 1, 100_000);
            requireRange("blockSizeBytesMax", blockSizeBytesMax, 1024, 256L * 1024 * 1024);
            requireRange("batchTimeoutMs", batchTimeoutMs, 0, 60_000);
            requireRange("executeTimeoutMs", executeTimeoutMs, 1, 3_600_000);
            requireRange("chaincodeStartTimeoutMs", chaincodeStartTimeoutMs, 1, 3_600_000);
            requireRange("queueMax", queueMax, 1, 10_000_000);
            final List<String> both = new ArrayList<>(chaincodeJars.keySet());
            both.retainAll(chaincodeAddresses.keySet());
            if (!both.isEmpty()) {
                throw new IllegalArgumentException("chaincode " + both + " has both a jar and an address");
            }
            if (plaintext && !isLoopback(host)) {
                throw new IllegalArgumentException("plaintextOnLoopback needs a loopback host (127.0.0.1, ::1,"
                        + " localhost), got " + host);
            }
            return new LocalDevPeer(new PeerSettings(dataDirectory, host, port, channel, organizations, peerMsp,
                    chaincodeJars, chaincodeAddresses, blockSizeMax, blockSizeBytesMax, batchTimeoutMs,
                    Duration.ofMillis(executeTimeoutMs), Duration.ofMillis(chaincodeStartTimeoutMs), tlsServerName,
                    queueMax, !plaintext, chaincodeEnvironment), channel, tlsServerName);
        }

        /** True if every address the host names is a loopback address; an unresolvable host is not loopback. */
        private static boolean isLoopback(final String host) {
            try {
                for (final InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        return false;
                    }
                }
                return true;
            } catch (final UnknownHostException e) {
                return false;
            }
        }

        private static String requireName(final String what, final String value) {
            if (value == null || !NAME.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must be 1..64 characters [A-Za-z0-9._-], got " + value);
            }
            return value;
        }

        private static void requireRange(final String what, final long value, final long min, final long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
            }
        }
    }
}
