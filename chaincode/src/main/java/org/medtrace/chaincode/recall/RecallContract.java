// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.recall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.query.ReferenceRequest;
import org.medtrace.chaincode.api.recall.RecallRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Recall;
import org.medtrace.chaincode.model.RecallMark;

/**
 * Recalls (药品召回): by the MAH of every batch or by a regulator. Recalled goods can afterwards only be returned or
 * destroyed; the recall marks the batches, so it costs one write per batch however many units are out there.
 */
@Contract(name = "recall", info = @Info(title = "MedTrace recalls", version = "1.0"))
public final class RecallContract implements TraceabilityContract {

    /**
     * Recalls batches.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"recall": ..., "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String create(final Context ctx, final String request) {
        return Transactions.submit(ctx, "recall:create", request, RecallRequest.class, RecallContract::create);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the recall record
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "recall:get", request, ReferenceRequest.class, (tx, req) -> {
            Recall recall = tx.state().get(Keys.of(Keys.RECALL, req.id()), Recall.class);
            if (recall == null) {
                throw Refusal.of(ErrorCode.RECALL_NOT_FOUND, "recall " + req.id() + " does not exist");
            }
            return recall;
        });
    }

    private static Map<String, ?> create(final Tx tx, final RecallRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.REGULATOR);
        if (tx.state().exists(Keys.of(Keys.RECALL, req.recallId()))) {
            throw Refusal.of(ErrorCode.RECALL_EXISTS, "recall " + req.recallId() + " exists already");
        }
        List<Batch> batches = new ArrayList<>();
        for (String id : req.batchIds()) {
            Batch batch = Goods.batch(tx, id);
            if (!tx.caller().hasRole(Role.REGULATOR) && !batch.mah().equals(tx.caller().msp())) {
                throw Refusal.of(ErrorCode.NOT_MAH, "batch " + id + " belongs to MAH " + batch.mah() + ", not "
                        + tx.caller().msp());
            }
            if (batch.recall() != null) {
                throw Refusal.of(ErrorCode.BATCH_RECALLED, "batch " + id + " is under recall "
                        + batch.recall().recallId() + " already");
            }
            batches.add(batch);
        }
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "holding", "recalled").epcs(List.of())
                .quantities(req.batchIds().stream().map(id -> new QuantityElement(id, null, null)).toList())
                .persistentlySet("recalled").recall(req.recallId()).reason(req.reason())
                .classes(batches.stream().map(Batch::productId).toList(), req.batchIds())
                .details(Json.object().put("level", req.level().wire())).record();
        RecallMark mark = new RecallMark(req.recallId(), req.level(), tx.now());
        for (Batch batch : batches) {
            tx.state().put(Keys.of(Keys.BATCH, batch.id()), batch.withRecall(mark, eventId));
        }
        Recall recall = new Recall(req.recallId(), req.level(), req.batchIds(), req.reason(), tx.caller().msp(),
                tx.now());
        tx.state().put(Keys.of(Keys.RECALL, recall.id()), recall);
        return Map.of("recall", recall);
    }
}
