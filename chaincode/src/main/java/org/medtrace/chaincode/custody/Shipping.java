// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.custody.CancelShipmentRequest;
import org.medtrace.chaincode.api.custody.ReceiveRequest;
import org.medtrace.chaincode.api.custody.ReturnRequest;
import org.medtrace.chaincode.api.custody.ShipRequest;
import org.medtrace.chaincode.api.membership.Member;
import org.medtrace.chaincode.api.model.BizTransaction;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.BizTransactionRef;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.Association;
import org.medtrace.chaincode.model.DataLogger;
import org.medtrace.chaincode.model.Shipment;
import org.medtrace.chaincode.model.ShipmentStatus;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;
import org.medtrace.chaincode.model.UnitStatus;

/** Shipping, returning and receiving: custody moves from the sender to the named receiver through "in transit". */
final class Shipping {
    private static final Set<Requirement> SHIPPABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL, Requirement.NOT_RECALLED, Requirement.NOT_HELD, Requirement.NOT_EXPIRED,
            Requirement.RELEASED);
    /** Returns are how held, recalled and expired goods leave. */
    private static final Set<Requirement> RETURNABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.TOP_LEVEL);

    private Shipping() {
    }

    static Map<String, ?> ship(final Tx tx, final ShipRequest req) {
        List<Unit> nodes = prepare(tx, req.shipmentId(), req.codes(), req.to(), SHIPPABLE);
        boolean coldChain = needsColdChain(tx, nodes);
        List<BizTransactionRef> documents = references(req.bizTransactions());
        return dispatch(tx, new Shipment(req.shipmentId(), tx.caller().msp(), req.to(), req.codes(),
                tx.eventTime(), ShipmentStatus.IN_TRANSIT, coldChain, loggersOf(tx, nodes), false, List.of(),
                req.destination(), req.bizTransactions().isEmpty() ? null : req.bizTransactions(), null, null, null,
                null, null),
                nodes, "in_transit", documents);
    }

    static Map<String, ?> returnGoods(final Tx tx, final ReturnRequest req) {
        List<Unit> nodes = prepare(tx, req.shipmentId(), req.codes(), req.to(), RETURNABLE);
        // Recalled or expired goods go back to be destroyed: their trip needs no temperature record.
        boolean coldChain = needsColdChain(tx, nodes) && nodes.stream().noneMatch(n -> unusable(tx, n));
        return dispatch(tx, new Shipment(req.shipmentId(), tx.caller().msp(), req.to(), req.codes(),
                tx.eventTime(), ShipmentStatus.IN_TRANSIT, coldChain, loggersOf(tx, nodes), true, List.of(), null,
                null, req.reason(), null, null, null, null), nodes, "returned", List.of());
    }

    private static List<Unit> prepare(final Tx tx, final String shipmentId, final List<String> codes,
            final String to, final Set<Requirement> requirements) {
        CustodyContract.requireHandler(tx);
        if (to.equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "to: " + to + " is the caller's own organisation");
        }
        Member receiver = tx.state().get(Keys.of(Keys.MEMBER, to), Member.class);
        if (receiver == null || receiver.roles().isEmpty()) {
            throw Refusal.of(ErrorCode.RECEIVER_NOT_MEMBER, "to: " + to + (receiver == null
                    ? " is not a member of the consortium" : " is suspended (the consortium grants it no role)")
                    + "; goods go only to members");
        }
        if (tx.state().exists(Keys.of(Keys.SHIPMENT, shipmentId))) {
            throw Refusal.of(ErrorCode.SHIPMENT_EXISTS, "shipment " + shipmentId + " exists already");
        }
        return Goods.checkedTrees(tx, codes, requirements);
    }

    private static Map<String, ?> dispatch(final Tx tx, final Shipment shipment, final List<Unit> nodes,
            final String disposition, final List<BizTransactionRef> documents) {
        EventDraft draft = tx.event(EventDraft.OBJECT, "OBSERVE", "shipping", disposition).epcs(shipment.codes())
                .parties(shipment.from(), shipment.to()).bizTransactions(documents).shipment(shipment.id())
                .reason(shipment.reason()).classes(Goods.productIds(nodes), Goods.batchIds(nodes));
        if (shipment.destination() != null) {
            draft.details(Json.object().put("destination", shipment.destination()));
        }
        String eventId = draft.record();
        for (Unit node : nodes) {
            Unit.Builder change = node.change().status(UnitStatus.IN_TRANSIT).transit(shipment.id(), shipment.to());
            if (shipment.returnShipment()) {
                change.returned(true);
            }
            Goods.save(tx, change, eventId);
        }
        tx.state().put(Keys.of(Keys.SHIPMENT, shipment.id()), shipment);
        return Map.of("shipment", shipment);
    }

    static Map<String, ?> receive(final Tx tx, final ReceiveRequest req) {
        CustodyContract.requireHandler(tx);
        Shipment shipment = CustodyContract.shipment(tx, req.shipmentId());
        if (!shipment.to().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_RECEIVER, "shipment " + shipment.id() + " goes to " + shipment.to()
                    + ", not " + tx.caller().msp());
        }
        List<String> codes = codesToReceive(shipment, req.codes());
        List<Unit> nodes = inTransitOn(tx, shipment, codes);
        if (Boolean.TRUE.equals(shipment.coldChainRequired())) {
            requireTemperatureRecord(tx, shipment);
        }
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "receiving", "in_progress").epcs(codes)
                .parties(shipment.from(), shipment.to()).shipment(shipment.id())
                .classes(Goods.productIds(nodes), Goods.batchIds(nodes)).record();
        for (Unit node : nodes) {
            Goods.save(tx, node.change().status(UnitStatus.ACTIVE).custodian(shipment.to()).transit(null, null)
                    .location(tx.common().bizLocation()), eventId);
        }
        Shipment received = shipment.withReceived(codes, tx.eventTime());
        tx.state().put(Keys.of(Keys.SHIPMENT, shipment.id()), received);
        return Map.of("shipment", received);
    }

    /**
     * The sender may cancel (void) a shipment: what is still in transit on it returns to the sender's custody, what
     * was received stays received. CBV 2.0 {@code void_shipping}: the shipping of those codes did not happen.
     */
    static Map<String, ?> cancel(final Tx tx, final CancelShipmentRequest req) {
        CustodyContract.requireHandler(tx);
        Shipment shipment = CustodyContract.shipment(tx, req.shipmentId());
        if (!shipment.from().equals(tx.caller().msp())) {
            throw Refusal.of(ErrorCode.NOT_CUSTODIAN, "shipment " + shipment.id() + " was sent by "
                    + shipment.from() + "; only its sender may cancel it, not " + tx.caller().msp());
        }
        List<String> codes = codesToReceive(shipment, null);
        List<Unit> nodes = inTransitOn(tx, shipment, codes);
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "void_shipping", "active").epcs(codes)
                .parties(shipment.from(), shipment.to()).shipment(shipment.id()).reason(req.reason())
                .classes(Goods.productIds(nodes), Goods.batchIds(nodes)).record();
        for (Unit node : nodes) {
            Goods.save(tx, node.change().status(UnitStatus.ACTIVE).transit(null, null)
                    .location(tx.common().bizLocation()), eventId);
        }
        Shipment cancelled = shipment.cancelled(codes, req.reason(), tx.eventTime());
        tx.state().put(Keys.of(Keys.SHIPMENT, shipment.id()), cancelled);
        return Map.of("shipment", cancelled);
    }

    /**
     * @return every node of the codes' trees, each checked to be in transit on the shipment and in time order (not
     *     before the shipment or any later event of the code)
     */
    private static List<Unit> inTransitOn(final Tx tx, final Shipment shipment, final List<String> codes) {
        if (tx.eventTime().isBefore(shipment.shippedAt())) {
            throw Refusal.of(ErrorCode.EVENT_TIME_OUT_OF_ORDER, "shipment " + shipment.id() + " was shipped at "
                    + Json.instant(shipment.shippedAt()) + "; eventTime " + Json.instant(tx.eventTime())
                    + " precedes it");
        }
        List<Unit> nodes = Goods.trees(tx, Goods.units(tx, codes));
        for (Unit node : nodes) {
            if (node.status() != UnitStatus.IN_TRANSIT || !shipment.id().equals(node.shipmentId())) {
                throw Refusal.of(ErrorCode.UNIT_NOT_IN_TRANSIT, "code " + node.id()
                        + " is not in transit on shipment " + shipment.id());
            }
            Goods.requireInTimeOrder(tx, node);
        }
        return nodes;
    }

    /** @return the codes named, or every code still in transit; refuses codes not in transit on the shipment */
    private static List<String> codesToReceive(final Shipment shipment, final List<String> requested) {
        if (shipment.status() == ShipmentStatus.CANCELLED) {
            throw Refusal.of(ErrorCode.UNIT_NOT_IN_TRANSIT, "shipment " + shipment.id() + " was cancelled by its "
                    + "sender " + shipment.from() + " at " + Json.instant(shipment.cancelledAt()) + " ("
                    + shipment.cancelReason() + ")");
        }
        if (requested == null) {
            List<String> open = new ArrayList<>(shipment.codes());
            open.removeAll(shipment.receivedCodes());
            if (open.isEmpty()) {
                throw Refusal.of(ErrorCode.UNIT_NOT_IN_TRANSIT, "shipment " + shipment.id()
                        + " was received completely already");
            }
            return open;
        }
        for (String code : requested) {
            if (!shipment.codes().contains(code) || shipment.receivedCodes().contains(code)) {
                throw Refusal.of(ErrorCode.UNIT_NOT_IN_TRANSIT, "code " + code + " is not in transit on shipment "
                        + shipment.id() + (shipment.receivedCodes().contains(code) ? " (received already)" : ""));
            }
        }
        return requested;
    }

    /**
     * China's 2017 vaccine storage and transport rule: the receiver must refuse goods without a temperature record
     * of the trip. Windows of one logger come in order, so its newest window tells whether any window overlaps.
     */
    private static void requireTemperatureRecord(final Tx tx, final Shipment shipment) {
        for (String loggerId : shipment.loggers()) {
            DataLogger logger = tx.state().get(Keys.of(Keys.LOGGER, loggerId), DataLogger.class);
            if (logger != null && logger.lastWindowEnd() != null
                    && logger.lastWindowEnd().isAfter(shipment.shippedAt())
                    && logger.lastWindowStart().isBefore(tx.now())) {
                return;
            }
        }
        throw Refusal.of(ErrorCode.TEMPERATURE_RECORD_MISSING, "shipment " + shipment.id()
                + " needs a cold chain, but no logger associated with the goods "
                + (shipment.loggers().isEmpty() ? "" : shipment.loggers() + " ")
                + "has anchored readings since it was shipped at " + Json.instant(shipment.shippedAt()));
    }

    private static boolean needsColdChain(final Tx tx, final List<Unit> nodes) {
        for (Unit node : nodes) {
            if (node.kind() == UnitKind.UNIT
                    && Boolean.TRUE.equals(Goods.product(tx, node.productId()).coldChainRequired())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unusable(final Tx tx, final Unit node) {
        if (node.kind() != UnitKind.UNIT) {
            return false;
        }
        var batch = Goods.batch(tx, node.batchId());
        return batch.recall() != null || Goods.expired(tx, batch);
    }

    /** @return the loggers associated with any node, in first-seen order */
    static List<String> loggersOf(final Tx tx, final List<Unit> nodes) {
        Set<String> loggers = new LinkedHashSet<>();
        for (Unit node : nodes) {
            for (Association association : tx.state().scan(Association.class, Limits.LOGGER_ASSOCIATIONS_MAX,
                    () -> node.id() + " has too many loggers", Keys.ASSOCIATED_LOGGER, node.id())) {
                loggers.add(association.logger());
            }
        }
        return List.copyOf(loggers);
    }

    /** @return the business documents as EPCIS references */
    static List<BizTransactionRef> references(final List<BizTransaction> documents) {
        return documents.stream().map(d -> new BizTransactionRef(d.type(), d.id())).toList();
    }
}
