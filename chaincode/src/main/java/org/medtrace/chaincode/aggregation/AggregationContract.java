// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.aggregation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.aggregation.PackRequest;
import org.medtrace.chaincode.api.aggregation.UnpackRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.PackageLevel;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.TraceabilityContract;
import org.medtrace.chaincode.core.Transactions;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Packing;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.AggregationEdge;
import org.medtrace.chaincode.model.ContainedIn;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;

/**
 * Packing and unpacking: the aggregation graph is a forest of time-versioned edges (live edge records; their history
 * is on the ledger).
 */
@Contract(name = "aggregation", info = @Info(title = "MedTrace aggregation", version = "1.0"))
public final class AggregationContract implements TraceabilityContract {
    private static final Set<Requirement> PACKABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.NOT_RECALLED);
    private static final Role[] HANDLERS = {Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER};

    /**
     * Packs children into a parent.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pack(final Context ctx, final String request) {
        return Transactions.submit(ctx, "aggregation:pack", request, PackRequest.class, AggregationContract::pack);
    }

    /**
     * Unpacks children (all of them when none are named) from a parent.
     *
     * @param ctx the transaction context
     * @param request JSON, see docs/chaincode-api.md
     * @return {@code {"count": n, "txId", "eventIds", "replayed"}}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String unpack(final Context ctx, final String request) {
        return Transactions.submit(ctx, "aggregation:unpack", request, UnpackRequest.class,
                AggregationContract::unpack);
    }

    private static Map<String, ?> pack(final Tx tx, final PackRequest req) {
        tx.requireRole(HANDLERS);
        Unit parent = Goods.unit(tx, req.parent());
        Goods.require(tx, parent, PACKABLE);
        Set<String> ancestors = ancestorsAndSelf(tx, parent.id());
        List<Unit> children = Goods.units(tx, req.children());
        for (Unit child : children) {
            if (ancestors.contains(child.id())) {
                throw Refusal.of(ErrorCode.AGGREGATION_CYCLE, "packing " + child.id() + " into " + parent.id()
                        + " would put it inside itself");
            }
            Goods.require(tx, child, PACKABLE);
            ContainedIn packed = Goods.parentOf(tx, child.id());
            if (packed != null) {
                throw Refusal.of(ErrorCode.UNIT_PACKED, "code " + child.id() + " is packed in " + packed.parent()
                        + " already; unpack it first");
            }
            checkLevels(parent, child);
        }
        checkCapacity(tx, parent, children.size());
        List<Unit> involved = new ArrayList<>(children);
        involved.add(parent);
        String eventId = tx.event(EventDraft.AGGREGATION, "ADD", "packing", null).parent(parent.id(), req.children())
                .classes(Goods.productIds(involved), Goods.batchIds(involved)).record();
        for (Unit child : children) {
            tx.state().put(Keys.of(Keys.AGGREGATION, parent.id(), child.id()),
                    new AggregationEdge(parent.id(), child.id(), tx.eventTime(), eventId));
            tx.state().put(Keys.of(Keys.CONTAINED_IN, child.id()), new ContainedIn(parent.id(), tx.eventTime()));
            Goods.save(tx, child.change(), eventId);
        }
        Goods.save(tx, parent.change(), eventId);
        return Map.of("count", children.size());
    }

    /** @return the parent and every code it is packed in, up to the top */
    private static Set<String> ancestorsAndSelf(final Tx tx, final String code) {
        Set<String> chain = new HashSet<>();
        String current = code;
        while (current != null) {
            if (!chain.add(current) || chain.size() > Limits.TREE_NODES_MAX) {
                throw new IllegalStateException("aggregation graph has a cycle above " + code);
            }
            ContainedIn up = Goods.parentOf(tx, current);
            current = up == null ? null : up.parent();
        }
        return chain;
    }

    private static void checkLevels(final Unit parent, final Unit child) {
        if (parent.kind() == UnitKind.CONTAINER) {
            if (child.kind() == UnitKind.CONTAINER
                    && Packing.rank(child.containerType()) >= Packing.rank(parent.containerType())) {
                throw Refusal.of(ErrorCode.PACKAGE_LEVEL_INVALID, "a " + child.containerType()
                        + " does not go into a " + parent.containerType());
            }
            return;
        }
        if (child.kind() == UnitKind.CONTAINER) {
            throw Refusal.of(ErrorCode.PACKAGE_LEVEL_INVALID, "container " + child.id() + " does not go into unit "
                    + parent.id());
        }
        if (!child.batchId().equals(parent.batchId())) {
            throw Refusal.of(ErrorCode.PACKAGE_LEVEL_INVALID, "unit " + child.id() + " of batch " + child.batchId()
                    + " does not go into unit " + parent.id() + " of batch " + parent.batchId()
                    + "; a sales package holds one batch");
        }
        if (child.packageLevel() >= parent.packageLevel()) {
            throw Refusal.of(ErrorCode.PACKAGE_LEVEL_INVALID, "unit " + child.id() + " (level "
                    + child.packageLevel() + ") does not go into unit " + parent.id() + " (level "
                    + parent.packageLevel() + "); the child's level must be lower");
        }
    }

    /** A unit parent holds at most its level's declared childCount. */
    private static void checkCapacity(final Tx tx, final Unit parent, final int adding) {
        if (parent.kind() != UnitKind.UNIT) {
            return;
        }
        PackageLevel level = Goods.product(tx, parent.productId()).level(parent.packageLevel());
        if (level == null || level.childCount() == null) {
            return;
        }
        int present = Goods.children(tx, parent.id()).size();
        if (present + adding > level.childCount()) {
            throw Refusal.of(ErrorCode.QUANTITY_EXCEEDED, "unit " + parent.id() + " (" + level.name() + ") holds "
                    + level.childCount() + "; it has " + present + " and " + adding + " more would not fit");
        }
    }

    private static Map<String, ?> unpack(final Tx tx, final UnpackRequest req) {
        tx.requireRole(HANDLERS);
        Unit parent = Goods.unit(tx, req.parent());
        Goods.require(tx, parent, PACKABLE);
        List<String> children = req.children();
        if (children == null) {
            children = Goods.children(tx, parent.id()).stream().map(AggregationEdge::child).toList();
            if (children.isEmpty()) {
                throw Refusal.of(ErrorCode.UNIT_NOT_PACKED, "nothing is packed in " + parent.id());
            }
        } else {
            for (String child : children) {
                ContainedIn packed = Goods.parentOf(tx, child);
                if (packed == null || !packed.parent().equals(parent.id())) {
                    Goods.unit(tx, child);
                    throw Refusal.of(ErrorCode.UNIT_NOT_PACKED, "code " + child + " is not packed in " + parent.id());
                }
            }
        }
        List<Unit> units = Goods.units(tx, children);
        units.forEach(child -> Goods.requireInTimeOrder(tx, child));
        List<Unit> involved = new ArrayList<>(units);
        involved.add(parent);
        String eventId = Packing.unpack(tx, parent, children, involved);
        units.forEach(child -> Goods.save(tx, child.change(), eventId));
        return Map.of("count", children.size());
    }
}
