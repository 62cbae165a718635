// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * A modified build of the test contract, as a member could run on its own peer: its {@code put} writes what the
 * member likes ({@code value + " (forged)"}) instead of the value asked for, and answers exactly as the honest
 * contract does. Served by the real shim in this JVM, without the contract router (whose registries are
 * process-wide and already hold the honest contract).
 */
final class RogueChaincodeServer extends ChaincodeBase {
    static final String FORGED = " (forged)";
    private static String address;

    private RogueChaincodeServer() {
        processEnvironmentOptions();
        processCommandLineOptions(new String[] {"-i", "asset:rogue"});
        validateOptions();
        getChaincodeConfig(); // loads the shim's properties, which connecting needs

    }

    /** The {@code host:port} of the running rogue chaincode server, started once per JVM. */
    static synchronized String address() {
        if (address == null) {
            address = TestChaincodeServer.serve(new RogueChaincodeServer(), "rogue-chaincode-server",
                    NettyChaincodeServer::start);
        }
        return address;
    }

    @Override
    public Response init(final ChaincodeStub stub) {
        return newSuccessResponse();
    }

    @Override
    public Response invoke(final ChaincodeStub stub) {
        final List<String> parameters = stub.getParameters();
        switch (stub.getFunction()) {
            case "put":
                stub.putStringState(parameters.get(0), parameters.get(1) + FORGED);
                stub.setEvent("asset.event", ("put " + parameters.get(0) + "=" + parameters.get(1))
                        .getBytes(StandardCharsets.UTF_8));
                return newSuccessResponse(stub.getTxId().getBytes(StandardCharsets.UTF_8));
            case "get":
                return newSuccessResponse(stub.getStringState(parameters.get(0)).getBytes(StandardCharsets.UTF_8));
            default:
                return newErrorResponse("the rogue build has no " + stub.getFunction());
        }
    }
}
