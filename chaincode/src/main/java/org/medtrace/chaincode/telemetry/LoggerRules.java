// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.telemetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.membership.Role;
import org.medtrace.chaincode.api.telemetry.AssociateRequest;
import org.medtrace.chaincode.api.telemetry.DissociateRequest;
import org.medtrace.chaincode.api.telemetry.LoggerRequest;
import org.medtrace.chaincode.api.telemetry.RegisterLoggerRequest;
import org.medtrace.chaincode.core.Keys;
import org.medtrace.chaincode.core.Refusal;
import org.medtrace.chaincode.core.Tx;
import org.medtrace.chaincode.event.EventDraft;
import org.medtrace.chaincode.goods.Goods;
import org.medtrace.chaincode.goods.Requirement;
import org.medtrace.chaincode.model.Association;
import org.medtrace.chaincode.model.DataLogger;
import org.medtrace.chaincode.model.Shipment;
import org.medtrace.chaincode.model.Unit;

/** Logger life cycle and logger-to-goods associations. */
final class LoggerRules {
    private LoggerRules() {
    }

    static Map<String, ?> register(final Tx tx, final RegisterLoggerRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER);
        String key = Keys.of(Keys.LOGGER, req.loggerId());
        if (tx.state().exists(key)) {
            throw Refusal.of(ErrorCode.LOGGER_EXISTS, "logger " + req.loggerId() + " is registered already");
        }
        DataLogger logger = new DataLogger(req.loggerId(), tx.caller().msp(), req.model(), req.calibrationDueDate(),
                true, tx.now(), null, null, null);
        ObjectNode ilmd = Json.tree(logger);
        tx.event(EventDraft.OBJECT, "ADD", "commissioning", "active").epcs(List.of(logger.id())).ilmd(ilmd)
                .record();
        tx.state().put(key, logger);
        return Map.of("logger", logger);
    }

    static Map<String, ?> revoke(final Tx tx, final LoggerRequest req) {
        DataLogger logger = Loggers.activeLogger(tx, req.loggerId());
        Loggers.requireOwner(tx, logger);
        tx.event(EventDraft.OBJECT, "DELETE", "decommissioning", "inactive").epcs(List.of(logger.id())).record();
        DataLogger revoked = logger.revoked(tx.now());
        tx.state().put(Keys.of(Keys.LOGGER, logger.id()), revoked);
        return Map.of("logger", revoked);
    }

    static Map<String, ?> associate(final Tx tx, final AssociateRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER);
        DataLogger logger = Loggers.activeLogger(tx, req.loggerId());
        Set<String> present = new HashSet<>();
        Loggers.associations(tx, logger.id()).forEach(a -> present.add(a.target()));
        if (present.size() + req.targets().size() > Limits.LOGGER_ASSOCIATIONS_MAX) {
            throw Refusal.of(ErrorCode.LIMIT_EXCEEDED, "logger " + logger.id() + " has " + present.size()
                    + " associations; at most " + Limits.LOGGER_ASSOCIATIONS_MAX + " are allowed");
        }
        List<Unit> targets = Goods.units(tx, req.targets());
        for (int i = 0; i < targets.size(); i++) {
            Goods.require(tx, targets.get(i), EnumSet.of(Requirement.ACTIVE_OR_IN_TRANSIT,
                    Requirement.CUSTODIAN));
            if (present.contains(targets.get(i).id())) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "targets[" + i + "]: " + targets.get(i).id()
                        + " is associated with logger " + logger.id() + " already");
            }
        }
        String eventId = tx.event(EventDraft.ASSOCIATION, "ADD", "assembling", null)
                .parent(logger.id(), req.targets()).classes(Goods.productIds(targets), Goods.batchIds(targets))
                .record();
        for (Unit target : targets) {
            Association association = new Association(logger.id(), target.id(), tx.eventTime(), eventId);
            tx.state().put(Keys.of(Keys.ASSOCIATION, logger.id(), target.id()), association);
            tx.state().put(Keys.of(Keys.ASSOCIATED_LOGGER, target.id(), logger.id()), association);
            recordOnOpenShipment(tx, target, logger.id());
            Goods.save(tx, target.change(), eventId);
        }
        return Map.of("count", targets.size());
    }

    /** Goods in transit carry the logger on their shipment, so that receipt finds the trip's temperature record. */
    private static void recordOnOpenShipment(final Tx tx, final Unit target, final String loggerId) {
        if (target.shipmentId() == null) {
            return;
        }
        String key = Keys.of(Keys.SHIPMENT, target.shipmentId());
        Shipment shipment = tx.state().get(key, Shipment.class);
        if (shipment != null && !shipment.loggers().contains(loggerId)) {
            tx.state().put(key, shipment.withLogger(loggerId));
        }
    }

    static Map<String, ?> dissociate(final Tx tx, final DissociateRequest req) {
        tx.requireRole(Role.MANUFACTURER, Role.DISTRIBUTOR, Role.LOGISTICS, Role.DISPENSER, Role.LOGGER);
        DataLogger logger = Loggers.logger(tx, req.loggerId());
        Set<String> present = new HashSet<>();
        Loggers.associations(tx, logger.id()).forEach(a -> present.add(a.target()));
        List<String> targets = req.targets() == null ? List.copyOf(new TreeSet<>(present)) : req.targets();
        if (targets.isEmpty()) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "targets: logger " + logger.id() + " is associated with "
                    + "nothing");
        }
        boolean owner = logger.owner().equals(tx.caller().msp());
        List<Unit> units = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Unit unit = Goods.unit(tx, targets.get(i));
            if (!present.contains(unit.id())) {
                throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "targets[" + i + "]: " + unit.id()
                        + " is not associated with logger " + logger.id());
            }
            if (!owner) {
                Goods.require(tx, unit, EnumSet.of(Requirement.CUSTODIAN));
            }
            Goods.requireInTimeOrder(tx, unit);
            units.add(unit);
        }
        String eventId = tx.event(EventDraft.ASSOCIATION, "DELETE", "disassembling", null)
                .parent(logger.id(), targets).classes(Goods.productIds(units), Goods.batchIds(units)).record();
        for (Unit unit : units) {
            tx.state().delete(Keys.of(Keys.ASSOCIATION, logger.id(), unit.id()));
            tx.state().delete(Keys.of(Keys.ASSOCIATED_LOGGER, unit.id(), logger.id()));
            Goods.save(tx, unit.change(), eventId);
        }
        return Map.of("count", targets.size());
    }
}
