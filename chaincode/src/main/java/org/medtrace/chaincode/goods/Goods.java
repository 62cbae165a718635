// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.goods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.model.AggregationEdge;
import org.medtrace.chaincode.model.Batch;
import org.medtrace.chaincode.model.ContainedIn;
import org.medtrace.chaincode.model.HoldEntry;
import org.medtrace.chaincode.model.Product;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;

/**
 * The shared reads and checks of products, batches, units and their aggregation trees. Every rule reads goods through
 * here, so "not found" and every state check is written once.
 */
public final class Goods {
    private Goods() {
    }

    /** @return the product; throws PRODUCT_NOT_FOUND */
    public static Product product(final Tx tx, final String id) {
        Product product = tx.state().get(Keys.of(Keys.PRODUCT, id), Product.class);
        if (product == null) {
            throw Refusal.of(ErrorCode.PRODUCT_NOT_FOUND, "product " + id + " does not exist");
        }
        return product;
    }

    /** @return the batch; throws BATCH_NOT_FOUND */
    public static Batch batch(final Tx tx, final String id) {
        Batch batch = tx.state().get(Keys.of(Keys.BATCH, id), Batch.class);
        if (batch == null) {
            throw Refusal.of(ErrorCode.BATCH_NOT_FOUND, "batch " + id + " does not exist");
        }
        return batch;
    }

    /** @return the unit or container; throws UNIT_NOT_FOUND */
    public static Unit unit(final Tx tx, final String id) {
        Unit unit = tx.state().get(Keys.of(Keys.UNIT, id), Unit.class);
        if (unit == null) {
            throw Refusal.of(ErrorCode.UNIT_NOT_FOUND, "code " + id + " was never commissioned");
        }
        return unit;
    }

    /** @return the units, in the given order; throws UNIT_NOT_FOUND for the first missing one */
    public static List<Unit> units(final Tx tx, final List<String> ids) {
        List<Unit> units = new ArrayList<>(ids.size());
        for (String id : ids) {
            units.add(unit(tx, id));
        }
        return units;
    }

    /** @return the live parent of the code, or null if it is not packed */
    public static ContainedIn parentOf(final Tx tx, final String code) {
        return tx.state().get(Keys.of(Keys.CONTAINED_IN, code), ContainedIn.class);
    }

    /** @return the live packing edges below the parent, in key order */
    public static List<AggregationEdge> children(final Tx tx, final String parent) {
        return tx.state().scan(AggregationEdge.class, Limits.CODES_MAX,
                () -> parent + " has more than " + Limits.CODES_MAX + " children", Keys.AGGREGATION, parent);
    }

    /**
     * Walks the trees below the roots breadth-first: the roots first, then their children level by level.
     *
     * @return every node, each once
     * @throws Refusal LIMIT_EXCEEDED beyond {@link Limits#TREE_NODES_MAX} nodes in the transaction
     */
    public static List<Unit> trees(final Tx tx, final List<Unit> roots) {
        List<Unit> nodes = new ArrayList<>(roots.size());
        Set<String> seen = new HashSet<>();
        for (Unit root : roots) {
            tx.visitTreeNode();
            seen.add(root.id());
            nodes.add(root);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Unit node = nodes.get(i);
            if (!mayHaveChildren(tx, node)) {
                continue;
            }
            for (AggregationEdge edge : children(tx, node.id())) {
                tx.visitTreeNode();
                if (!seen.add(edge.child())) {
                    throw new IllegalStateException("aggregation graph is not a forest at " + edge.child());
                }
                nodes.add(unit(tx, edge.child()));
            }
        }
        return nodes;
    }

    /**
     * Loads top-level codes and the trees below them and checks the requirements: {@link Requirement#TOP_LEVEL} on
     * the named codes, every other requirement on every node.
     *
     * @return every node, the named codes first
     */
    public static List<Unit> checkedTrees(final Tx tx, final List<String> codes,
            final Set<Requirement> requirements) {
        List<Unit> roots = units(tx, codes);
        for (Unit root : roots) {
            require(tx, root, requirements);
        }
        List<Unit> nodes = trees(tx, roots);
        Set<Requirement> inner = EnumSet.copyOf(requirements);
        inner.remove(Requirement.TOP_LEVEL);
        for (int i = roots.size(); i < nodes.size(); i++) {
            require(tx, nodes.get(i), inner);
        }
        return nodes;
    }

    /** A unit of its product's lowest package level cannot have children: no need to look. */
    private static boolean mayHaveChildren(final Tx tx, final Unit node) {
        if (node.kind() == UnitKind.CONTAINER) {
            return true;
        }
        Product product = product(tx, node.productId());
        return node.packageLevel() > product.packageLevels().get(0).level();
    }

    /**
     * Checks the requirements on one code, in a fixed order, then that the transaction's event time does not
     * precede the code's last event.
     *
     * @throws Refusal with the code of the first requirement that fails
     */
    public static void require(final Tx tx, final Unit unit, final Set<Requirement> requirements) {
        if (requirements.contains(Requirement.ACTIVE)) {
            UnitStates.requireActive(unit, false);
        } else if (requirements.contains(Requirement.ACTIVE_OR_IN_TRANSIT)) {
            UnitStates.requireActive(unit, true);
        }
        if (requirements.contains(Requirement.CUSTODIAN) && !unit.custodian().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_CUSTODIAN, UnitStates.describe(unit) + " is in the custody of "
                    + unit.custodian() + ", not " + tx.caller().msp());
        }
        if (requirements.contains(Requirement.TOP_LEVEL)) {
            ContainedIn parent = parentOf(tx, unit.id());
            if (parent != null) {
                throw Refusal.of(ErrorCode.UNIT_PACKED, UnitStates.describe(unit) + " is packed in " + parent.parent()
                        + "; act on the top-level code or unpack it first");
            }
        }
        if (requirements.contains(Requirement.NOT_HELD) && !unit.holds().isEmpty()) {
            HoldEntry hold = unit.holds().get(0);
            throw Refusal.of(ErrorCode.UNIT_HELD, UnitStates.describe(unit) + " is on hold " + hold.holdId() + " ("
                    + hold.reason() + ") placed by " + hold.placedBy());
        }
        if (unit.kind() == UnitKind.UNIT) {
            requireOfBatch(tx, unit, requirements);
        }
        requireInTimeOrder(tx, unit);
    }

    /**
     * Events of a code come in time order: the transaction's event time may not precede the last event that touched
     * the code. {@link #require} checks it last on every code; rules that touch codes without it call this.
     *
     * @throws Refusal EVENT_TIME_OUT_OF_ORDER naming the code, its last event time and the requested time
     */
    public static void requireInTimeOrder(final Tx tx, final Unit unit) {
        Instant last = unit.lastEventTime();
        if (last != null && tx.eventTime().isBefore(last)) {
            throw Refusal.of(ErrorCode.EVENT_TIME_OUT_OF_ORDER, UnitStates.describe(unit) + ": eventTime "
                    + Json.instant(tx.eventTime()) + " precedes its last event at " + Json.instant(last)
                    + "; the events of a code come in time order");
        }
    }

    /**
     * Writes a changed unit, dated by the transaction: its last event is {@code eventId} at the transaction's event
     * time. Every rule that touches a code writes it through here, so that its last event time is always current.
     *
     * @return the unit written
     */
    public static Unit save(final Tx tx, final Unit.Builder change, final String eventId) {
        Unit unit = change.build(eventId, tx.eventTime(), tx.now());
        tx.state().put(Keys.of(Keys.UNIT, unit.id()), unit);
        return unit;
    }

    private static void requireOfBatch(final Tx tx, final Unit unit, final Set<Requirement> requirements) {
        Batch batch = batch(tx, unit.batchId());
        if (requirements.contains(Requirement.NOT_RECALLED) && batch.recall() != null) {
            throw Refusal.of(ErrorCode.BATCH_RECALLED, UnitStates.describe(unit) + ": batch " + batch.id()
                    + " was recalled (recall " + batch.recall().recallId() + ", level " + batch.recall().level()
                    + ") at " + Json.instant(batch.recall().recalledAt()) + "; it can only be returned or destroyed");
        }
        if (requirements.contains(Requirement.NOT_HELD) && !batch.holds().isEmpty()) {
            HoldEntry hold = batch.holds().get(0);
            throw Refusal.of(ErrorCode.UNIT_HELD, UnitStates.describe(unit) + ": batch " + batch.id() + " is on hold "
                    + hold.holdId() + " (" + hold.reason() + ") placed by " + hold.placedBy());
        }
        if (requirements.contains(Requirement.NOT_EXPIRED) && expired(tx, batch)) {
            throw Refusal.of(ErrorCode.UNIT_EXPIRED, UnitStates.describe(unit) + ": batch " + batch.id()
                    + " expired after " + batch.expiryDate());
        }
        if (requirements.contains(Requirement.RELEASED) && batch.lotRelease() == null
                && product(tx, batch.productId()).kind() == ProductKind.VACCINE) {
            throw Refusal.of(ErrorCode.BATCH_NOT_RELEASED, UnitStates.describe(unit) + ": vaccine batch " + batch.id()
                    + " has no lot-release (批签发) certificate yet");
        }
    }

    /** @return whether the batch is past its expiry date (usable through expiryDate, at the event's offset) */
    public static boolean expired(final Tx tx, final Batch batch) {
        return tx.today().isAfter(batch.expiryDate());
    }

    /** @return the ids of the products of the unit nodes */
    public static Set<String> productIds(final Collection<Unit> units) {
        Set<String> ids = new TreeSet<>();
        for (Unit unit : units) {
            if (unit.productId() != null) {
                ids.add(unit.productId());
            }
        }
        return ids;
    }

    /** @return the ids of the batches of the unit nodes */
    public static Set<String> batchIds(final Collection<Unit> units) {
        Set<String> ids = new TreeSet<>();
        for (Unit unit : units) {
            if (unit.batchId() != null) {
                ids.add(unit.batchId());
            }
        }
        return ids;
    }

    /** @return the MAHs of the unit nodes' batches */
    public static Set<String> mahs(final Tx tx, final Collection<Unit> units) {
        Set<String> mahs = new LinkedHashSet<>();
        for (String batchId : batchIds(units)) {
            mahs.add(batch(tx, batchId).mah());
        }
        return mahs;
    }

    /** @return the ids of the units, in order */
    public static List<String> ids(final Collection<Unit> units) {
        return units.stream().map(Unit::id).toList();
    }
}
