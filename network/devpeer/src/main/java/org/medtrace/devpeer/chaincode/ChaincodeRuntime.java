// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.medtrace.devpeer.ledger.Simulation;

/**
 * A chaincode reached through the shim protocol as chaincode-as-a-service: the peer dials the chaincode's server
 * ({@code Chaincode.Connect}), waits for REGISTER, answers REGISTERED and READY, then sends TRANSACTION messages
 * carrying the client's own signed proposal and serves the chaincode's state requests from a {@link Simulation}.
 *
 * <pre>{@code
 * ChaincodeRuntime cc = ChaincodeRuntime.launch("traceability", jar, logs, Map.of(), Duration.ofSeconds(60));
 * ChaincodeResult result = cc.execute("medtrace", txId, signedProposal, input, simulation).get();
 * }</pre>
 */
public interface ChaincodeRuntime extends AutoCloseable {
    /**
     * A chaincode server that is already running at {@code host:port}.
     *
     * @param startTimeout how long to keep trying to connect and register
     */
    static ChaincodeRuntime connect(final String name, final String address, final Duration startTimeout) {
        return new CcaasRuntime(name, null, () -> address, null, startTimeout);
    }

    /**
     * A chaincode jar the peer runs as a child process ({@code java -jar}) with {@code CHAINCODE_SERVER_ADDRESS} set
     * to a free loopback port and {@code CORE_CHAINCODE_ID_NAME} to {@code <name>:<sha256 of the jar>}; relaunched if
     * it dies, and stopped with the peer (also if the peer is killed, within a second).
     *
     * @param logDirectory where the chaincode's output goes ({@code chaincode-<name>.log})
     * @param environment extra environment variables for the chaincode (e.g. {@code CORE_PEER_LOCALMSPID})
     */
    static ChaincodeRuntime launch(final String name, final Path jar, final Path logDirectory,
            final Map<String, String> environment, final Duration startTimeout) {
        final ChaincodeProcess process = ChaincodeProcess.forJar(name, jar, logDirectory, environment);
        return new CcaasRuntime(name, process.packageId(), process::start, process, startTimeout);
    }

    /**
     * Another stream to the same chaincode server, for another endorsing peer: the shim keeps each stream's
     * transactions apart, so several peers can simulate the same transaction id at once, as separate Fabric peers
     * do. The new runtime does not own a launched process (closing it leaves the process running) but relaunches it
     * through the same launcher if it is gone.
     */
    ChaincodeRuntime anotherStream();

    /** The chaincode name (its namespace in the world state). */
    String name();

    /** Connects and registers now rather than at the first invocation. @throws ChaincodeException on failure */
    void start() throws ChaincodeException;

    /**
     * Runs one transaction. The future completes with the chaincode's response, or exceptionally with a
     * {@link ChaincodeException} if the chaincode could not be run or did not answer within {@code timeout}.
     */
    CompletableFuture<ChaincodeResult> execute(String channelId, String txId, SignedProposal proposal,
            ChaincodeInput input, Simulation simulation, Duration timeout);

    @Override
    void close();
}
