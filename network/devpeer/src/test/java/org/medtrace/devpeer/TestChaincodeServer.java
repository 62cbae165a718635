// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * The test contract ({@code testcc.AssetContract}) served in this JVM by the real shim's ContractRouter and
 * NettyChaincodeServer, started once per JVM: the shim's registries are process-wide singletons.
 */
final class TestChaincodeServer {
    private static String address;

    private TestChaincodeServer() {
    }

    /** The {@code host:port} of the running chaincode server. */
    static synchronized String address() {
        if (address == null) {
            address = start();
        }
        return address;
    }

    private static String start() {
        final ContractRouter router = new ContractRouter(new String[] {"-i", "asset:test"});
        return serve(router, "test-chaincode-server", router::startRouterWithChaincodeServer);
    }

    /** How a chaincode is started on its server: the router registers its contracts first, a plain one does not. */
    interface Start {
        /** Starts {@code server}; blocks while it serves. */
        void run(NettyChaincodeServer server) throws IOException, InterruptedException;
    }

    /**
     * Serves {@code chaincode} with the real shim's NettyChaincodeServer on a free loopback port, on a daemon thread.
     *
     * @return the server's {@code host:port}
     */
    static String serve(final ChaincodeBase chaincode, final String threadName, final Start start) {
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            final ChaincodeServerProperties properties = new ChaincodeServerProperties();
            properties.setServerAddress(new InetSocketAddress("127.0.0.1", port));
            final NettyChaincodeServer server = new NettyChaincodeServer(chaincode, properties);
            final Thread thread = new Thread(() -> {
                try {
                    start.run(server);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return "127.0.0.1:" + port;
    }
}
