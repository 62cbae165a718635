// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.custody.AdministerRequest;
import org.medtrace.chaincode.api.custody.CancelShipmentRequest;
import org.medtrace.chaincode.api.custody.DestroyRequest;
import org.medtrace.chaincode.api.custody.DispenseRequest;
import org.medtrace.chaincode.api.custody.HoldRequest;
import org.medtrace.chaincode.api.custody.InspectRequest;
import org.medtrace.chaincode.api.custody.ReceiveRequest;
import org.medtrace.chaincode.api.custody.ReleaseRequest;
import org.medtrace.chaincode.api.custody.ReturnRequest;
import org.medtrace.chaincode.api.custody.ShipRequest;
import org.medtrace.chaincode.api.custody.StoreRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.model.Shipment;

/**
 * Custody: ship, receive, cancel a shipment, store, inspect, hold, release, dispense, administer, return and destroy. Custody
 * transactions act on top-level codes and apply to the whole tree, so every unit knows its own custodian and status.
 */
@Contract(name = "custody", info = @Info(title = "MedTrace custody", version = "1.0"))
public final class CustodyContract implements TraceabilityContract {

    /**
     * Ships top-level codes to another organisation; the goods are in transit until it receives them.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ship(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:ship", request, ShipRequest.class, Shipping::ship);
    }

    /**
     * Receives codes of a shipment; only its named receiver may.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String receive(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:receive", request, ReceiveRequest.class, Shipping::receive);
    }

    /**
     * Cancels a shipment (CBV {@code void_shipping}); only its sender may. What is still in transit returns to the
     * sender's custody.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String cancelShipment(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:cancelShipment", request, CancelShipmentRequest.class,
                Shipping::cancel);
    }

    /**
     * Records where goods are stored.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String store(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:store", request, StoreRequest.class, Handling::store);
    }

    /**
     * Records an inspection; a non-conformant result puts the goods on hold.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String inspect(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:inspect", request, InspectRequest.class, HoldRules::inspect);
    }

    /**
     * Puts goods or batches on hold (quarantine).
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String hold(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:hold", request, HoldRequest.class, HoldRules::hold);
    }

    /**
     * Releases a hold.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String release(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:release", request, ReleaseRequest.class, HoldRules::release);
    }

    /**
     * Dispenses units (or part of a lot-based unit) at the point of use.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String dispense(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:dispense", request, DispenseRequest.class, Dispensing::dispense);
    }

    /**
     * Records a vaccination; the vaccinee is kept only as a salted hash.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String administer(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:administer", request, AdministerRequest.class, Dispensing::administer);
    }

    /**
     * Returns goods, also held, recalled or expired ones, to another organisation.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "return")
    public String returnGoods(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:return", request, ReturnRequest.class, Shipping::returnGoods);
    }

    /**
     * Destroys goods, also held, recalled or expired ones.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return the response JSON, with {@code txId}, {@code eventIds} and {@code replayed}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String destroy(final Context ctx, final String request) {
        return Transactions.submit(ctx, "custody:destroy", request, DestroyRequest.class, Handling::destroy);
    }

    /** @throws Refusal ACCESS_DENIED unless the caller handles goods (manufacturer, distributor, logistics, dispenser) */
    static void requireHandler(final Tx tx) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER);
    }

    /** @return the shipment; throws SHIPMENT_NOT_FOUND */
    static Shipment shipment(final Tx tx, final String id) {
        Shipment shipment = tx.state().get(Keys.of(Keys.SHIPMENT, id), Shipment.class);
        if (shipment == null) {
            throw Refusal.of(ErrorCode.SHIPMENT_NOT_FOUND, "shipment " + id + " does not exist");
        }
        return shipment;
    }
}
