// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.medtrace.chaincode.api.ErrorCode;

/**
 * What every contract of this chaincode shares: exactly one argument per transaction, and stable error codes for
 * calls the router cannot place.
 */
public interface TraceabilityContract extends ContractInterface {

    /**
     * Refuses a call without exactly one argument before the router converts arguments (which would otherwise fail
     * without an error code).
     */
    @Override
    default Context createContext(final ChaincodeStub stub) {
        int arguments = stub.getArgs().size() - 1;
        if (arguments != 1) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request: " + stub.getFunction()
                    + " takes exactly one argument, the request JSON; got " + arguments);
        }
        return new Context(stub);
    }

    @Override
    default void unknownTransaction(final Context ctx) {
        throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "request: there is no transaction "
                + ctx.getStub().getFunction());
    }
}
