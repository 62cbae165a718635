// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.hyperledger.fabric.contract.ContractRouter;
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
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            final ContractRouter router = new ContractRouter(new String[] {"-i", "asset:test"});
            final ChaincodeServerProperties properties = new ChaincodeServerProperties();
            properties.setServerAddress(new InetSocketAddress("127.0.0.1", port));
            final NettyChaincodeServer server = new NettyChaincodeServer(router, properties);
            final Thread thread = new Thread(() -> {
                try {
                    router.startRouterWithChaincodeServer(server);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-chaincode-server");
            thread.setDaemon(true);
            thread.start();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return "127.0.0.1:" + port;
    }
}
