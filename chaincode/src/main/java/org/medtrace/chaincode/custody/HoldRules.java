// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.custody.HoldRequest;
import org.medtrace.chaincode.api.custody.InspectRequest;
import org.medtrace.chaincode.api.custody.ReleaseRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.InspectionResult;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Holds;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.Hold;
import org.medtrace.chaincode.model.HoldEntry;
import org.medtrace.chaincode.model.HoldStatus;
import org.medtrace.chaincode.model.Unit;

/** Quarantine: inspect, hold and release. */
final class HoldRules {
    private static final Set<Requirement> HOLDABLE = EnumSet.of(Requirement.ACTIVE_OR_IN_TRANSIT,
            Requirement.TOP_LEVEL);

    private HoldRules() {
    }

    static Map<String, ?> inspect(final Tx tx, final InspectRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER, Role.REGULATOR);
        Set<Requirement> requirements = EnumSet.copyOf(HOLDABLE);
        if (!tx.caller().hasRole(Role.REGULATOR)) {
            requirements.add(Requirement.CUSTODIAN);
        }
        List<Unit> nodes = Goods.checkedTrees(tx, req.codes(), requirements);
        boolean failed = req.result() == InspectionResult.NON_CONFORMANT;
        // Derived from the ledger transaction id: unique, and the same on every endorser.
        String holdId = failed ? "inspection:" + tx.txId() : null;
        if (failed) {
            Holds.requireUnused(tx, holdId);
        }
        EventDraft draft = tx.event(EventDraft.OBJECT, "OBSERVE", "inspecting", req.result().wire())
                .epcs(req.codes()).hold(holdId).classes(Goods.productIds(nodes), Goods.batchIds(nodes));
        if (req.note() != null) {
            draft.details(Json.object().put("note", req.note()));
        }
        String eventId = draft.record();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("count", nodes.size());
        if (failed) {
            Holds.placeOnGoods(tx, holdId, Hold.REASON_INSPECTION_FAILED, req.codes(), nodes, null, eventId);
            response.put("holdId", holdId);
        } else {
            nodes.forEach(node -> Goods.save(tx, node.change(), eventId));
        }
        return response;
    }

    static Map<String, ?> hold(final Tx tx, final HoldRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER, Role.REGULATOR);
        Holds.requireUnused(tx, req.holdId());
        return Map.of("hold", req.batchIds() != null ? holdBatches(tx, req) : holdGoods(tx, req));
    }

    private static Hold holdGoods(final Tx tx, final HoldRequest req) {
        List<Unit> nodes = Goods.checkedTrees(tx, req.codes(), HOLDABLE);
        if (!tx.caller().hasRole(Role.REGULATOR) && !custodianOfAll(tx, nodes) && !mahOfAll(tx, nodes)) {
            throw Refusal.of(ErrorCode.NOT_CUSTODIAN, tx.caller().msp()
                    + " is neither the custodian nor the MAH of all the goods named");
        }
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "holding", "non_sellable_other").epcs(req.codes())
                .hold(req.holdId()).reason(req.reason()).classes(Goods.productIds(nodes), Goods.batchIds(nodes))
                .record();
        return Holds.placeOnGoods(tx, req.holdId(), req.reason(), req.codes(), nodes, null, eventId);
    }

    private static Hold holdBatches(final Tx tx, final HoldRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.REGULATOR);
        List<Batch> batches = new ArrayList<>();
        for (String id : req.batchIds()) {
            Batch batch = Goods.batch(tx, id);
            requireMahOrRegulator(tx, batch);
            batches.add(batch);
        }
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "holding", "non_sellable_other").epcs(List.of())
                .quantities(req.batchIds().stream().map(id -> new QuantityElement(id, null, null)).toList())
                .hold(req.holdId()).reason(req.reason())
                .classes(batches.stream().map(Batch::productId).toList(), req.batchIds()).record();
        HoldEntry entry = new HoldEntry(req.holdId(), req.reason(), tx.caller().msp(), tx.now());
        for (Batch batch : batches) {
            tx.state().put(Keys.of(Keys.BATCH, batch.id()), batch.withHold(entry, eventId));
        }
        Hold hold = new Hold(req.holdId(), req.reason(), tx.caller().msp(), tx.caller().role().wire(), tx.now(),
                null, null, req.batchIds(), batches.stream().map(Batch::mah).distinct().toList(), null,
                HoldStatus.ACTIVE, null, null);
        tx.state().put(Keys.of(Keys.HOLD, hold.id()), hold);
        return hold;
    }

    static Map<String, ?> release(final Tx tx, final ReleaseRequest req) {
        Hold hold = tx.state().get(Keys.of(Keys.HOLD, req.holdId()), Hold.class);
        if (hold == null || hold.status() != HoldStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.HOLD_NOT_FOUND, hold == null ? "hold " + req.holdId() + " does not exist"
                    : "hold " + req.holdId() + " was released already at " + Json.instant(hold.releasedAt()));
        }
        requireReleaser(tx, hold);
        boolean batchHold = hold.batchIds() != null;
        EventDraft draft = tx.event(EventDraft.OBJECT, "OBSERVE", "holding", "active").hold(hold.id());
        if (batchHold) {
            draft.epcs(List.of()).quantities(hold.batchIds().stream().map(id -> new QuantityElement(id, null, null))
                    .toList());
        } else {
            draft.epcs(hold.codes());
        }
        String eventId = draft.record();
        int count = batchHold ? releaseBatches(tx, hold, eventId) : releaseGoods(tx, hold, eventId);
        tx.state().put(Keys.of(Keys.HOLD, hold.id()), hold.released(tx.caller().msp(), tx.now()));
        return Map.of("count", count);
    }

    private static int releaseGoods(final Tx tx, final Hold hold, final String eventId) {
        for (String code : hold.heldCodes()) {
            Unit unit = Goods.unit(tx, code);
            Goods.requireInTimeOrder(tx, unit);
            Goods.save(tx, unit.change().removeHold(hold.id()), eventId);
        }
        return hold.heldCodes().size();
    }

    private static int releaseBatches(final Tx tx, final Hold hold, final String eventId) {
        for (String id : hold.batchIds()) {
            tx.state().put(Keys.of(Keys.BATCH, id), Goods.batch(tx, id).withoutHold(hold.id(), eventId));
        }
        return hold.batchIds().size();
    }

    /**
     * The MAH or a regulator may release any hold; the organisation that placed a hold on goods may release it too,
     * except an excursion hold, which needs the MAH's impact assessment (2017 rule, Arts. 22-24).
     */
    private static void requireReleaser(final Tx tx, final Hold hold) {
        boolean regulator = tx.caller().hasRole(Role.REGULATOR);
        boolean mah = tx.caller().hasRole(Role.MANUFACTURER) && hold.mahs().contains(tx.caller().msp());
        boolean placer = hold.excursionId() == null && hold.batchIds() == null
                && hold.placedBy().equals(tx.caller().msp());
        if (!regulator && !mah && !placer) {
            throw Refusal.of(ErrorCode.NOT_MAH, "hold " + hold.id() + " (" + hold.reason() + ") may be released by "
                    + "the MAH " + hold.mahs() + " or a regulator"
                    + (hold.excursionId() == null && hold.batchIds() == null ? ", or by " + hold.placedBy() : ""));
        }
    }

    private static void requireMahOrRegulator(final Tx tx, final Batch batch) {
        if (!tx.caller().hasRole(Role.REGULATOR) && !batch.mah().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_MAH, "batch " + batch.id() + " belongs to MAH " + batch.mah() + ", not "
                    + tx.caller().msp());
        }
    }

    private static boolean custodianOfAll(final Tx tx, final List<Unit> nodes) {
        return nodes.stream().allMatch(n -> n.custodian().equals(tx.caller().msp()));
    }

    private static boolean mahOfAll(final Tx tx, final List<Unit> nodes) {
        if (!tx.caller().hasRole(Role.MANUFACTURER) || nodes.stream().anyMatch(n -> n.batchId() == null)) {
            return false;
        }
        return Goods.mahs(tx, nodes).equals(Set.of(tx.caller().msp()));
    }
}
