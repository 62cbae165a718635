// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.query.ReferenceRequest;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;

/** Reads shipments: {@code shipment:get}. */
@Contract(name = "shipment", info = @Info(title = "MedTrace shipments", version = "1.0"))
public final class ShipmentContract implements TraceabilityContract {

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the shipment record
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "shipment:get", request, ReferenceRequest.class,
                (tx, req) -> CustodyContract.shipment(tx, req.id()));
    }
}
