// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.medtrace.devpeer.chaincode.ChaincodeException;
import org.medtrace.devpeer.server.PeerServer;
import org.medtrace.devpeer.server.PeerSettings;

/** The in-process {@link DevPeer}. */
final class LocalDevPeer implements DevPeer {
    private final PeerSettings settings;
    private final String channel;
    private final String tlsServerName;
    private PeerServer server;
    private boolean closed;

    LocalDevPeer(final PeerSettings settings, final String channel, final String tlsServerName) {
        this.settings = settings;
        this.channel = channel;
        this.tlsServerName = tlsServerName;
    }

    @Override
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "the peer is closed" : "the peer is already started");
        }
        try {
            server = PeerServer.start(settings);
        } catch (final IOException | ChaincodeException e) {
            throw new DevPeerException("the dev peer could not start: " + e.getMessage(), e);
        }
    }

    private synchronized PeerServer running() {
        if (server == null) {
            throw new IllegalStateException("the peer is not started");
        }
        return server;
    }

    @Override
    public InetSocketAddress endpoint() {
        return running().endpoint();
    }

    @Override
    public boolean tls() {
        return settings.tls();
    }

    @Override
    public Path tlsRootCertificate() {
        if (!settings.tls()) {
            throw new IllegalStateException("the peer serves plaintext gRPC (plaintextOnLoopback): no TLS root");
        }
        return running().tlsRootCertificate();
    }

    @Override
    public String tlsServerName() {
        return tlsServerName;
    }

    @Override
    public CertificateAuthority certificateAuthority() {
        return running().certificateAuthority();
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public long blockHeight() {
        return running().height();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
