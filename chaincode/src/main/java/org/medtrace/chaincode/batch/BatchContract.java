// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.batch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.batch.BatchSpec;
import org.medtrace.chaincode.api.batch.LotReleaseRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.query.IdRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.BizTransactionRef;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.LotRelease;
import org.medtrace.chaincode.model.Product;

/** Batches: {@code batch:register}, {@code batch:recordLotRelease}, {@code batch:get}. */
@Contract(name = "batch", info = @Info(title = "MedTrace batches", version = "1.0"))
public final class BatchContract implements TraceabilityContract {

    /**
     * Registers a batch of a product the caller is the MAH of.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"batch": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(final Context ctx, final String request) {
        return Transactions.submit(ctx, "batch:register", request, BatchSpec.class, (tx, spec) -> {
            tx.requireRole(Role.MANUFACTURER);
            return Map.of("batch", Batches.register(tx, spec, "", List.of()));
        });
    }

    /**
     * Records a vaccine batch's lot release (批签发); by the MAH or a regulator.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"batch": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordLotRelease(final Context ctx, final String request) {
        return Transactions.submit(ctx, "batch:recordLotRelease", request, LotReleaseRequest.class,
                BatchContract::recordLotRelease);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the batch record
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "batch:get", request, IdRequest.class,
                (tx, req) -> Goods.batch(tx, req.id()));
    }

    private static Map<String, ?> recordLotRelease(final Tx tx, final LotReleaseRequest req) {
        tx.requireRole(Role.LOT_RELEASE);
        Batch batch = Goods.batch(tx, req.batchId());
        Product product = Goods.product(tx, batch.productId());
        if (product.kind() != ProductKind.VACCINE) {
            throw Refusal.of(ErrorCode.WRONG_PRODUCT_KIND, "batch " + batch.id() + " is " + product.kind()
                    + "; only vaccine batches carry a lot release (批签发)");
        }
        if (batch.lotRelease() != null) {
            throw Refusal.of(ErrorCode.LOT_RELEASE_EXISTS, "batch " + batch.id() + " was released already with "
                    + "certificate " + batch.lotRelease().certificateNumber());
        }
        if (req.releaseDate().isBefore(batch.productionDate()) || req.releaseDate().isAfter(tx.today())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "releaseDate: " + req.releaseDate()
                    + " is not between productionDate " + batch.productionDate() + " and today " + tx.today());
        }
        LotRelease release = new LotRelease(req.certificateNumber(), tx.member().legalName(), tx.caller().msp(),
                req.releaseDate());
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "inspecting", "conformant")
                .epcs(List.of())
                .quantities(List.of(new QuantityElement(batch.id(), null, null)))
                .bizTransactions(List.of(new BizTransactionRef("cert", req.certificateNumber())))
                .ilmd(Json.object().set("lotRelease", Json.tree(release)))
                .classes(Set.of(batch.productId()), Set.of(batch.id()))
                .record();
        Batch released = batch.withLotRelease(release, eventId);
        tx.state().put(Keys.of(Keys.BATCH, batch.id()), released);
        return Map.of("batch", released);
    }
}
