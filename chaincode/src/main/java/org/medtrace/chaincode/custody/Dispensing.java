// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.custody.AdministerRequest;
import org.medtrace.chaincode.api.custody.DispenseRequest;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.model.ProductKind;
import org.medtrace.chaincode.api.model.Quantity;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.Elements.QuantityElement;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.event.EventIds;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Packing;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.ContainedIn;
import org.medtrace.chaincode.model.Dispense;
import org.medtrace.chaincode.model.DispenseKind;
import org.medtrace.chaincode.model.Unit;
import org.medtrace.chaincode.model.UnitKind;
import org.medtrace.chaincode.model.UnitStatus;

/** The point of use: dispensing and vaccination. A unit is never dispensed twice. */
final class Dispensing {
    private static final Set<Requirement> DISPENSABLE = EnumSet.of(Requirement.ACTIVE, Requirement.CUSTODIAN,
            Requirement.NOT_RECALLED, Requirement.NOT_HELD, Requirement.NOT_EXPIRED, Requirement.RELEASED);

    private Dispensing() {
    }

    static Map<String, ?> dispense(final Tx tx, final DispenseRequest req) {
        tx.requireRole(Role.DISPENSER);
        List<Unit> nodes = checkedUnits(tx, req.codes());
        Quantity partial = req.quantity() == null ? null : checkPartial(nodes, req.quantity());
        unpackImplicitly(tx, nodes, req.codes());
        EventDraft draft = tx.event(EventDraft.OBJECT, "OBSERVE", "dispensing",
                partial == null || partial.value().signum() == 0 ? "dispensed" : "partially_dispensed")
                .epcs(req.codes())
                .classes(Goods.productIds(nodes), Goods.batchIds(nodes))
                .details(Json.object().put("kind", DispenseKind.DISPENSING.wire()));
        if (req.quantity() != null) {
            draft.quantities(List.of(new QuantityElement(nodes.get(0).batchId(), req.quantity().value(),
                    req.quantity().uom())));
        }
        String eventId = draft.record();
        Dispense dispense = new Dispense(DispenseKind.DISPENSING, tx.now(), tx.caller().msp(), null);
        for (Unit node : nodes) {
            Unit.Builder change = node.change();
            if (partial != null) {
                change.quantity(partial);
            } else if (node.quantity() != null) {
                change.quantity(new Quantity(BigDecimal.ZERO, node.quantity().uom()));
            }
            if (partial == null || partial.value().signum() == 0) {
                change.status(UnitStatus.DISPENSED).dispense(dispense);
            }
            Goods.save(tx, change, eventId);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("count", nodes.size());
        if (partial != null) {
            response.put("remaining", partial);
        }
        return response;
    }

    static Map<String, ?> administer(final Tx tx, final AdministerRequest req) {
        tx.requireRole(Role.DISPENSER);
        String vaccineeHash = vaccineeHash(tx);
        List<Unit> nodes = checkedUnits(tx, req.codes());
        if (nodes.size() != req.codes().size()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "codes: " + nodes.get(req.codes().size()).id()
                    + " is packed inside a named code; administer single doses");
        }
        for (Unit node : nodes) {
            if (Goods.product(tx, node.productId()).kind() != ProductKind.VACCINE) {
                throw Refusal.of(ErrorCode.WRONG_PRODUCT_KIND, "unit " + node.id() + " is not a vaccine; use "
                        + "custody:dispense");
            }
        }
        unpackImplicitly(tx, nodes, req.codes());
        ObjectNode details = Json.object().put("kind", DispenseKind.VACCINATION.wire())
                .put("vaccineeHash", vaccineeHash);
        String eventId = tx.event(EventDraft.OBJECT, "OBSERVE", "dispensing", "dispensed").epcs(req.codes())
                .classes(Goods.productIds(nodes), Goods.batchIds(nodes)).details(details).record();
        Dispense dispense = new Dispense(DispenseKind.VACCINATION, tx.now(), tx.caller().msp(), vaccineeHash);
        for (Unit node : nodes) {
            Goods.save(tx, node.change().status(UnitStatus.DISPENSED).dispense(dispense), eventId);
        }
        return Map.of("count", nodes.size());
    }

    /** Units only (no containers), in the caller's custody, usable; a packed code is allowed (unpacked later). */
    private static List<Unit> checkedUnits(final Tx tx, final List<String> codes) {
        List<Unit> roots = Goods.units(tx, codes);
        for (Unit root : roots) {
            if (root.kind() == UnitKind.CONTAINER) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "codes: " + root.id()
                        + " is a container; dispense the units in it");
            }
        }
        List<Unit> nodes = Goods.trees(tx, roots);
        for (Unit node : nodes) {
            Goods.require(tx, node, DISPENSABLE);
        }
        return nodes;
    }

    /** @return the remaining quantity after taking {@code taken} from the one lot-based unit */
    private static Quantity checkPartial(final List<Unit> nodes, final Quantity taken) {
        Unit unit = nodes.get(0);
        if (nodes.size() != 1 || unit.quantity() == null) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "quantity: unit " + unit.id()
                    + (unit.quantity() == null ? " is not lot-based goods" : " holds other units"));
        }
        if (!unit.quantity().uom().equals(taken.uom())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "quantity.uom: " + taken.uom() + " differs from unit "
                    + unit.id() + "'s " + unit.quantity().uom());
        }
        if (taken.value().compareTo(unit.quantity().value()) > 0) {
            throw Refusal.of(ErrorCode.QUANTITY_EXCEEDED, "unit " + unit.id() + " has "
                    + unit.quantity().value().toPlainString() + " " + unit.quantity().uom() + " left, "
                    + taken.value().toPlainString() + " were asked for");
        }
        return unit.quantity().minus(taken.value());
    }

    /** A packed code leaves its parent when it is dispensed: one unpacking event per parent. */
    private static void unpackImplicitly(final Tx tx, final List<Unit> nodes, final List<String> codes) {
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        for (String code : codes) {
            ContainedIn parent = Goods.parentOf(tx, code);
            if (parent != null) {
                byParent.computeIfAbsent(parent.parent(), p -> new ArrayList<>()).add(code);
            }
        }
        for (Map.Entry<String, List<String>> entry : byParent.entrySet()) {
            Unit parent = Goods.unit(tx, entry.getKey());
            Goods.require(tx, parent, EnumSet.of(Requirement.CUSTODIAN));
            List<Unit> involved = new ArrayList<>(nodes);
            involved.add(parent);
            Packing.unpack(tx, parent, entry.getValue(), involved);
        }
    }

    /** @return hex SHA-256 of salt, 0x00 and the vaccinee id: the ledger never sees the id itself */
    private static String vaccineeHash(final Tx tx) {
        byte[] id = tx.transientData().get(AdministerRequest.VACCINEE_ID);
        byte[] salt = tx.transientData().get(AdministerRequest.VACCINEE_SALT);
        try {
            AdministerRequest.checkVaccinee(id, salt);
        } catch (InvalidRequestException e) {
            throw Refusal.of(e.code(), e.getMessage());
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream(salt.length + 1 + id.length);
        input.writeBytes(salt);
        input.write(0);
        input.writeBytes(id);
        return EventIds.sha256Hex(input.toByteArray());
    }
}
