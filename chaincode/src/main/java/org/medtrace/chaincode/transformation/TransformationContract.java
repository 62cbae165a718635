// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.transformation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.Herbal;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.model.Quantity;
import org.medtrace.chaincode.api.transformation.TransformRequest;
import org.medtrace.chaincode.batch.Batches;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Product;
import org.medtrace.chaincode.model.SourceLot;
import org.medtrace.chaincode.model.Transformation;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;
import org.medtrace.chaincode.model.UnitStatus;

/** Herbal processing (炮制): 中药材 quantities in, 中药饮片 batches out, each output recording its source lots. */
@Contract(name = "transformation", info = @Info(title = "MedTrace herbal transformation", version = "1.0"))
public final class TransformationContract implements TraceabilityContract {
    private static final Set<Requirement> USABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL, Requirement.NOT_RECALLED, Requirement.NOT_HELD, Requirement.NOT_EXPIRED);

    /**
     * Transforms herbal_raw units into herbal_slice batches.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"batches": [...], "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String transform(final Context ctx, final String request) {
        return Transactions.submit(ctx, "transformation:transform", request, TransformRequest.class,
                TransformationContract::transform);
    }

    private static Map<String, ?> transform(final Tx tx, final TransformRequest req) {
        tx.requireRole(Role.MANUFACTURER);
        if (tx.state().exists(Keys.of(Keys.TRANSFORMATION, req.transformationId()))) {
            throw Refusal.of(ErrorCode.TRANSFORMATION_EXISTS, "transformation " + req.transformationId()
                    + " exists already");
        }
        List<Unit> inputs = checkInputs(tx, req.inputs());
        for (int i = 0; i < req.outputs().size(); i++) {
            Product product = Goods.product(tx, req.outputs().get(i).batch().productId());
            if (product.kind() != ProductKind.HERBAL_SLICE) {
                throw Refusal.of(ErrorCode.WRONG_PRODUCT_KIND, "outputs[" + i + "].batch.productId: product "
                        + product.id() + " is " + product.kind() + ", not herbal_slice");
            }
        }
        List<SourceLot> sourceLots = sourceLots(inputs, req.inputs());
        String eventId = tx.event(EventDraft.TRANSFORMATION, null, "commissioning", "active")
                .transformation(req.transformationId(), Goods.ids(inputs),
                        sourceLots.stream().map(TransformationContract::element).toList(),
                        req.outputs().stream().map(o -> new QuantityElement(o.batch().id(), o.quantity().value(),
                                o.quantity().uom())).toList())
                .classes(Goods.productIds(inputs), Goods.batchIds(inputs))
                .details(Json.object().put("processingMethod", req.processingMethod()))
                .record();
        for (int i = 0; i < inputs.size(); i++) {
            Unit unit = inputs.get(i);
            Quantity rest = unit.quantity().minus(req.inputs().get(i).quantity().value());
            Unit.Builder change = unit.change().quantity(rest);
            if (rest.value().signum() == 0) {
                change.status(UnitStatus.CONSUMED);
            }
            Goods.save(tx, change, eventId);
        }
        List<Batch> batches = new ArrayList<>();
        List<SourceLot> outputs = new ArrayList<>();
        for (int i = 0; i < req.outputs().size(); i++) {
            TransformRequest.Output output = req.outputs().get(i);
            String field = "outputs[" + i + "].batch.";
            batches.add(Batches.register(tx, withMethod(output, req.processingMethod()), field, sourceLots));
            outputs.add(new SourceLot(output.batch().id(), output.quantity()));
        }
        tx.state().put(Keys.of(Keys.TRANSFORMATION, req.transformationId()), new Transformation(
                req.transformationId(), req.processingMethod(), transformationInputs(inputs, req.inputs()), outputs,
                tx.caller().msp(), tx.now()));
        return Map.of("batches", batches);
    }

    private static List<Unit> checkInputs(final Tx tx, final List<TransformRequest.Input> requested) {
        List<Unit> inputs = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            TransformRequest.Input input = requested.get(i);
            Unit unit = Goods.unit(tx, input.code());
            if (unit.kind() != UnitKind.UNIT
                    || Goods.product(tx, unit.productId()).kind() != ProductKind.HERBAL_RAW) {
                throw Refusal.of(ErrorCode.WRONG_PRODUCT_KIND, "inputs[" + i + "].code: " + unit.id()
                        + " is not a herbal_raw (中药材) unit");
            }
            Goods.require(tx, unit, USABLE);
            if (!unit.quantity().uom().equals(input.quantity().uom())) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "inputs[" + i + "].quantity.uom: "
                        + input.quantity().uom() + " differs from unit " + unit.id() + "'s " + unit.quantity().uom());
            }
            if (input.quantity().value().compareTo(unit.quantity().value()) > 0) {
                throw Refusal.of(ErrorCode.QUANTITY_EXCEEDED, "inputs[" + i + "]: unit " + unit.id() + " has "
                        + unit.quantity().value().toPlainString() + " " + unit.quantity().uom() + " left, "
                        + input.quantity().value().toPlainString() + " were asked for");
            }
            inputs.add(unit);
        }
        return inputs;
    }

    /** @return the input quantities summed per batch and unit, in first-seen order */
    private static List<SourceLot> sourceLots(final List<Unit> units, final List<TransformRequest.Input> inputs) {
        Map<String, SourceLot> lots = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            Quantity quantity = inputs.get(i).quantity();
            String key = units.get(i).batchId() + "\u0000" + quantity.uom();
            SourceLot earlier = lots.get(key);
            lots.put(key, new SourceLot(units.get(i).batchId(), earlier == null ? quantity
                    : earlier.quantity().plus(quantity.value())));
        }
        return List.copyOf(lots.values());
    }

    private static List<Transformation.Input> transformationInputs(final List<Unit> units,
            final List<TransformRequest.Input> inputs) {
        List<Transformation.Input> list = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            list.add(new Transformation.Input(units.get(i).id(), units.get(i).batchId(), inputs.get(i).quantity()));
        }
        return list;
    }

    private static QuantityElement element(final SourceLot lot) {
        return new QuantityElement(lot.batchId(), lot.quantity().value(), lot.quantity().uom());
    }

    /** The output batch carries the transformation's quantity and, unless it names its own, processing method. */
    private static BatchSpec withMethod(final TransformRequest.Output output, final String method) {
        BatchSpec spec = output.batch();
        Herbal herbal = spec.herbal();
        if (herbal != null && herbal.processingMethod() == null) {
            herbal = herbal.withProcessingMethod(method);
        }
        return new BatchSpec(spec.id(), spec.productId(), spec.batchNumber(), spec.productionDate(),
                spec.expiryDate(), output.quantity(), herbal);
    }
}
