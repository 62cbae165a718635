// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything a peer needs to start, validated by the public builder that makes it. */
public final class PeerSettings {
    final Path dataDirectory;
    final String host;
    final int port;
    final String channel;
    final List<String> organizations;
    final String peerOrganization;
    final Map<String, Path> chaincodeJars;
    final Map<String, String> chaincodeAddresses;
    final int blockSizeMax;
    final long blockSizeBytesMax;
    final long batchTimeoutMs;
    final Duration executeTimeout;
    final Duration chaincodeStartTimeout;
    final String tlsServerName;
    final int queueMax;
    /** False: plaintext gRPC (the builder allows it on loopback hosts only). */
    final boolean tls;
    /** Extra environment of the chaincode processes the peer launches. */
    final Map<String, String> chaincodeEnvironment;

    /** Creates the settings; the caller has validated them. */
    public PeerSettings(final Path dataDirectory, final String host, final int port, final String channel,
            final List<String> organizations, final String peerOrganization, final Map<String, Path> chaincodeJars,
            final Map<String, String> chaincodeAddresses, final int blockSizeMax, final long blockSizeBytesMax,
            final long batchTimeoutMs, final Duration executeTimeout, final Duration chaincodeStartTimeout,
            final String tlsServerName, final int queueMax, final boolean tls,
            final Map<String, String> chaincodeEnvironment) {
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.port = port;
        this.channel = channel;
        this.organizations = List.copyOf(organizations);
        this.peerOrganization = peerOrganization;
        this.chaincodeJars = Map.copyOf(chaincodeJars);
        this.chaincodeAddresses = Map.copyOf(chaincodeAddresses);
        this.blockSizeMax = blockSizeMax;
        this.blockSizeBytesMax = blockSizeBytesMax;
        this.batchTimeoutMs = batchTimeoutMs;
        this.executeTimeout = executeTimeout;
        this.chaincodeStartTimeout = chaincodeStartTimeout;
        this.tlsServerName = tlsServerName;
        this.queueMax = queueMax;
        this.tls = tls;
        this.chaincodeEnvironment = Map.copyOf(chaincodeEnvironment);
    }

    /** @return whether clients connect with TLS (false: plaintext on a loopback host) */
    public boolean tls() {
        return tls;
    }
}
