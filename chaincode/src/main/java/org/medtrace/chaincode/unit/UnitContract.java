// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.unit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.query.IdRequest;
import org.medtrace.chaincode.api.unit.ChildrenRequest;
import org.medtrace.chaincode.api.unit.CommissionContainersRequest;
import org.medtrace.chaincode.api.unit.CommissionRequest;
import org.medtrace.chaincode.api.unit.DecommissionRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.State;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.AggregationEdge;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Commissioned;
import org.medtrace.chaincode.model.ContainedIn;
import org.medtrace.chaincode.model.Product;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;
import org.medtrace.chaincode.model.UnitStatus;

/**
 * Unit codes: commissioning in bulk, containers, decommissioning, and the reads {@code unit:get} and
 * {@code unit:children}.
 */
@Contract(name = "unit", info = @Info(title = "MedTrace unit codes", version = "1.0"))
public final class UnitContract implements TraceabilityContract {
    private static final Set<Requirement> DECOMMISSIONABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL, Requirement.NOT_RECALLED);

    /**
     * Commissions unit codes of a batch at one package level: one read and one write per code.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String commission(final Context ctx, final String request) {
        return Transactions.submit(ctx, "unit:commission", request, CommissionRequest.class,
                UnitContract::commission);
    }

    /**
     * Commissions logistic container codes (case, pallet, tote, cold box).
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String commissionContainers(final Context ctx, final String request) {
        return Transactions.submit(ctx, "unit:commissionContainers", request, CommissionContainersRequest.class,
                UnitContract::commissionContainers);
    }

    /**
     * Decommissions codes (unbinds them; a decommissioned code is never commissioned again).
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String decommission(final Context ctx, final String request) {
        return Transactions.submit(ctx, "unit:decommission", request, DecommissionRequest.class,
                UnitContract::decommission);
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"id": ...}}
     * @return the unit record, plus {@code parent} when it is packed
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "unit:get", request, IdRequest.class, (tx, req) -> {
            ObjectNode unit = Json.tree(Goods.unit(tx, req.id()));
            ContainedIn parent = Goods.parentOf(tx, req.id());
            if (parent != null) {
                unit.put("parent", parent.parent());
            }
            return unit;
        });
    }

    /**
     * @param ctx the transaction context
     * @param request {@code {"parent": ..., "pageSize"?, "bookmark"?}}
     * @return {@code {"children": [...], "bookmark": ...}}
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String children(final Context ctx, final String request) {
        return Transactions.evaluate(ctx, "unit:children", request, ChildrenRequest.class, (tx, req) -> {
            Goods.unit(tx, req.parent());
            State.Page<AggregationEdge> page = tx.state().page(AggregationEdge.class, req.pageSize(),
                    req.bookmark(), Keys.AGGREGATION, req.parent());
            return Map.of("children", page.records().stream().map(AggregationEdge::child).toList(),
                    "bookmark", page.bookmark());
        });
    }

    private static Map<String, ?> commission(final Tx tx, final CommissionRequest req) {
        tx.requireRole(Role.MANUFACTURER);
        Batch batch = Goods.batch(tx, req.batchId());
        Product product = Goods.product(tx, batch.productId());
        if (!product.mah().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_MAH, "batch " + batch.id() + " belongs to MAH " + product.mah()
                    + ", not " + tx.caller().msp());
        }
        PackageLevel level = product.level(req.packageLevel());
        if (level == null) {
            throw Refusal.of(ErrorCode.PACKAGE_LEVEL_INVALID, "product " + product.id() + " declares no package level "
                    + req.packageLevel() + "; declared: " + product.packageLevels().stream()
                            .map(l -> l.level() + " (" + l.name() + ")").toList());
        }
        checkQuantity(product, req);
        if (batch.recall() != null) {
            throw Refusal.of(ErrorCode.BATCH_RECALLED, "batch " + batch.id() + " was recalled (recall "
                    + batch.recall().recallId() + "); no codes are commissioned for it");
        }
        if (Goods.expired(tx, batch)) {
            throw Refusal.of(ErrorCode.UNIT_EXPIRED, "batch " + batch.id() + " expired after " + batch.expiryDate());
        }
        requireProduced(tx, batch);
        ProductKeys.check(product, batch, level, req.codes());
        List<String> keys = requireNew(tx, req.codes());
        Commissioned counted = BatchQuantities.add(product, batch, level, keys.size(), req.quantity());
        String eventId = tx.event(EventDraft.OBJECT, "ADD", "commissioning", "active")
                .epcs(req.codes()).ilmd(ilmd(product, batch, req)).classes(Set.of(product.id()), Set.of(batch.id()))
                .record();
        if (counted != null) {
            tx.state().put(Keys.of(Keys.BATCH, batch.id()), batch.withCommissioned(counted, eventId));
        }
        for (int i = 0; i < keys.size(); i++) {
            tx.state().put(keys.get(i), new Unit(req.codes().get(i), UnitKind.UNIT, product.id(), batch.id(),
                    req.packageLevel(), null, req.quantity(), UnitStatus.ACTIVE, tx.caller().msp(),
                    tx.common().bizLocation(), null, null, List.of(), false, null, tx.now(), eventId,
                    tx.eventTime(), tx.now()));
        }
        return Map.of("count", keys.size());
    }

    /** Instance/lot master data of commissioned units: what a scan of them must show. */
    private static ObjectNode ilmd(final Product product, final Batch batch, final CommissionRequest req) {
        ObjectNode ilmd = Json.object();
        ilmd.put("productId", product.id()).put("batchId", batch.id()).put("batchNumber", batch.batchNumber())
                .put("productionDate", batch.productionDate().toString())
                .put("expiryDate", batch.expiryDate().toString()).put("packageLevel", req.packageLevel());
        if (batch.lotRelease() != null) {
            ilmd.set("lotRelease", Json.tree(batch.lotRelease()));
        }
        if (batch.herbal() != null) {
            ilmd.set("herbal", Json.tree(batch.herbal()));
        }
        if (req.quantity() != null) {
            ilmd.set("quantityEach", Json.tree(req.quantity()));
        }
        return ilmd;
    }

    /** Goods are not commissioned before they are made: not before the production date, at the event's offset. */
    private static void requireProduced(final Tx tx, final Batch batch) {
        Instant produced = batch.productionDate().atStartOfDay(tx.common().zoneOffset()).toInstant();
        if (tx.eventTime().isBefore(produced)) {
            throw Refusal.of(ErrorCode.EVENT_TIME_OUT_OF_ORDER, "batch " + batch.id() + " was produced on "
                    + batch.productionDate() + " (" + tx.common().eventTimeZoneOffset() + "); eventTime "
                    + Json.instant(tx.eventTime()) + " precedes it");
        }
    }

    /** Lot-based (herbal) units carry their quantity, so that transformations and dispensing can draw on it. */
    private static void checkQuantity(final Product product, final CommissionRequest req) {
        if (product.kind() != ProductKind.VACCINE && req.quantity() == null) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "quantity: is required for " + product.kind()
                    + " units (lot-based goods carry their quantity)");
        }
    }

    /** One read per code: the unit key must be unused. */
    private static List<String> requireNew(final Tx tx, final List<String> codes) {
        List<String> keys = new ArrayList<>(codes.size());
        for (String code : codes) {
            String key = Keys.of(Keys.UNIT, code);
            if (tx.state().exists(key)) {
                throw Refusal.of(ErrorCode.UNIT_ALREADY_COMMISSIONED, "code " + code + " was commissioned before");
            }
            keys.add(key);
        }
        return keys;
    }

    private static Map<String, ?> commissionContainers(final Tx tx, final CommissionContainersRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER);
        List<String> keys = requireNew(tx, req.codes());
        String eventId = tx.event(EventDraft.OBJECT, "ADD", "commissioning", "active").epcs(req.codes())
                .ilmd(Json.object().put("containerType", req.containerType().wire())).record();
        for (int i = 0; i < keys.size(); i++) {
            tx.state().put(keys.get(i), new Unit(req.codes().get(i), UnitKind.CONTAINER, null, null, null,
                    req.containerType(), null, UnitStatus.ACTIVE, tx.caller().msp(), tx.common().bizLocation(), null,
                    null, List.of(), false, null, tx.now(), eventId, tx.eventTime(), tx.now()));
        }
        return Map.of("count", keys.size());
    }

    private static Map<String, ?> decommission(final Tx tx, final DecommissionRequest req) {
        tx.requireRole(Role.MANUFACTURER);
        List<Unit> units = Goods.units(tx, req.codes());
        for (Unit unit : units) {
            Goods.require(tx, unit, DECOMMISSIONABLE);
            if (!Goods.children(tx, unit.id()).isEmpty()) {
                throw Refusal.of(ErrorCode.AGGREGATION_NOT_EMPTY, "code " + unit.id()
                        + " still has children; unpack them first");
            }
        }
        String eventId = tx.event(EventDraft.OBJECT, "DELETE", "decommissioning", "inactive").epcs(req.codes())
                .reason(req.reason()).classes(Goods.productIds(units), Goods.batchIds(units)).record();
        for (Unit unit : units) {
            Goods.save(tx, unit.change().status(UnitStatus.DECOMMISSIONED), eventId);
        }
        freeSlots(tx, units, eventId);
        return Map.of("count", units.size());
    }

    /** A decommissioned code no longer names goods of its batch: the batch's count at its level goes down. */
    private static void freeSlots(final Tx tx, final List<Unit> units, final String eventId) {
        Map<String, Map<Integer, List<Unit>>> byBatch = new TreeMap<>();
        for (Unit unit : units) {
            if (unit.kind() == UnitKind.UNIT) {
                byBatch.computeIfAbsent(unit.batchId(), b -> new TreeMap<>())
                        .computeIfAbsent(unit.packageLevel(), l -> new ArrayList<>()).add(unit);
            }
        }
        for (Map.Entry<String, Map<Integer, List<Unit>>> entry : byBatch.entrySet()) {
            Batch batch = Goods.batch(tx, entry.getKey());
            Batch changed = batch;
            for (Map.Entry<Integer, List<Unit>> level : entry.getValue().entrySet()) {
                Commissioned left = BatchQuantities.remove(changed, level.getKey(), level.getValue());
                if (left != null) {
                    changed = changed.withCommissioned(left, eventId);
                }
            }
            if (changed != batch) {
                tx.state().put(Keys.of(Keys.BATCH, batch.id()), changed);
            }
        }
    }
}
