// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.medtrace.gateway.db.Jdbc;

/**
 * Custody events change the state of a whole tree (a case and everything in it), as the chaincode does, so every
 * unit in the read model knows its own custodian and status and a verification scan is one row lookup.
 */
final class CustodyEffects {

    void apply(final Connection c, final Proof proof, final EpcisEvent e, final List<Subject> subjects)
            throws SQLException {
        final List<String> tree = Trees.codes(subjects);
        switch (e.transaction().orElse("")) {
            case "custody:ship", "custody:return" -> ship(c, proof, e, tree);
            case "custody:receive" -> receive(c, proof, e, tree);
            case "custody:cancelShipment" -> cancel(c, proof, e, tree);
            case "custody:store" -> Jdbc.update(c, "UPDATE unit SET location = ?, updated_block = ?"
                    + " WHERE code = ANY(?)", e.bizLocation().or(() -> e.attribute("location")),
                    proof.blockNumber(), tree);
            case "custody:inspect", "custody:hold" -> hold(c, proof, e, tree);
            case "custody:release" -> release(c, proof, e);
            case "custody:dispense" -> dispense(c, proof, e, tree);
            case "custody:administer" -> end(c, proof, e, tree, "dispensed", "vaccination");
            case "custody:destroy" -> end(c, proof, e, tree, "destroyed", "destroy");
            case "unit:decommission" -> end(c, proof, e, tree, "decommissioned", "decommission");
            default -> {
                // other events (registration of master data, observations) change no current state
            }
        }
    }

    private static void ship(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree)
            throws SQLException {
        final String shipmentId = e.shipmentId().orElseThrow(() -> new IllegalArgumentException(
                "shipping event " + e.eventId() + " without shipmentId"));
        final String from = e.sourceParty().or(e::actorMsp).orElse("");
        final String to = e.destinationParty().or(() -> e.attribute("to")).orElse("");
        Jdbc.update(c, "INSERT INTO shipment (id, from_msp, to_msp, destination, is_return, status, shipped_at,"
                + " ship_tx_id, ship_block) VALUES (?, ?, ?, ?, ?, 'in_transit', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                shipmentId, from, to, e.bizLocation().or(() -> e.attribute("destination")),
                "custody:return".equals(e.transaction().orElse("")), e.eventTime(), proof.txId(),
                proof.blockNumber());
        final List<Object[]> loggers = new ArrayList<>();
        for (final JsonNode logger : e.details().path("loggers")) {
            loggers.add(new Object[] {shipmentId, logger.asText()});
        }
        Jdbc.batch(c, "INSERT INTO shipment_logger (shipment_id, logger_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                loggers);
        Jdbc.update(c, "UPDATE unit SET status = 'in_transit', shipment_id = ?, updated_block = ?"
                + " WHERE code = ANY(?)", shipmentId, proof.blockNumber(), tree);
    }

    private static void receive(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree)
            throws SQLException {
        final String receiver = e.actorMsp().orElse("");
        Jdbc.update(c, "UPDATE unit SET status = 'active', custodian = ?, shipment_id = NULL,"
                + " location = COALESCE(?, location), updated_block = ? WHERE code = ANY(?)",
                receiver, e.bizLocation(), proof.blockNumber(), tree);
        if (e.shipmentId().isPresent()) {
            final String shipmentId = e.shipmentId().get();
            Jdbc.update(c, "UPDATE shipment SET received_at = ?, receive_tx_id = ?, receive_block = ?,"
                    + " status = CASE WHEN EXISTS (SELECT 1 FROM unit WHERE shipment_id = ?)"
                    + " THEN 'partially_received' ELSE 'received' END WHERE id = ?",
                    e.eventTime(), proof.txId(), proof.blockNumber(), shipmentId, shipmentId);
        }
    }

    /** The sender voided the shipment: what was still in transit is back in its custody (it never left it). */
    private static void cancel(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree)
            throws SQLException {
        Jdbc.update(c, "UPDATE unit SET status = 'active', shipment_id = NULL, location = COALESCE(?, location),"
                + " updated_block = ? WHERE code = ANY(?)", e.bizLocation(), proof.blockNumber(), tree);
        final String shipmentId = e.shipmentId().orElseThrow(() -> new IllegalArgumentException(
                "void_shipping event " + e.eventId() + " without shipmentId"));
        Jdbc.update(c, "UPDATE shipment SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?,"
                + " cancel_tx_id = ?, cancel_block = ? WHERE id = ?", e.eventTime(), e.reason(), proof.txId(),
                proof.blockNumber(), shipmentId);
    }

    /** Places a hold when the event carries one (a hold, or a non-conformant inspection). */
    static void hold(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree)
            throws SQLException {
        if (e.holdId().isEmpty()) {
            return;
        }
        final String holdId = e.holdId().get();
        Jdbc.update(c, "INSERT INTO hold (id, reason, placed_by, placed_at, place_tx_id, place_block)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", holdId, e.reason(),
                e.actorMsp().orElse(""), e.eventTime(), proof.txId(), proof.blockNumber());
        final List<Object[]> units = new ArrayList<>();
        for (final String code : tree) {
            units.add(new Object[] {holdId, code});
        }
        Jdbc.batch(c, "INSERT INTO hold_unit (hold_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING", units);
        if (tree.isEmpty()) {
            final List<Object[]> batches = new ArrayList<>();
            for (final String batchId : e.batchIds()) {
                batches.add(new Object[] {holdId, batchId});
            }
            Jdbc.batch(c, "INSERT INTO hold_batch (hold_id, batch_id) VALUES (?, ?) ON CONFLICT DO NOTHING", batches);
        }
    }

    private static void release(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        if (e.holdId().isPresent()) {
            Jdbc.update(c, "UPDATE hold SET released_at = ?, released_by = ?, release_tx_id = ?, release_block = ?"
                    + " WHERE id = ? AND released_at IS NULL", e.eventTime(), e.actorMsp(), proof.txId(),
                    proof.blockNumber(), e.holdId().get());
        }
    }

    /** A lot-based unit may be dispensed in part: its quantity goes down and it stays active. */
    private static void dispense(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree)
            throws SQLException {
        final java.util.Optional<Quantity> amount = Quantity.of(e.quantityList());
        if ("partially_dispensed".equals(e.disposition().orElse("")) && amount.isPresent()) {
            Jdbc.update(c, "UPDATE unit SET quantity = quantity - ?, updated_block = ? WHERE code = ANY(?)",
                    amount.get().value(), proof.blockNumber(), e.epcList());
            return;
        }
        if (amount.isPresent()) {
            Jdbc.update(c, "UPDATE unit SET quantity = 0 WHERE code = ANY(?)", e.epcList());
        }
        end(c, proof, e, tree, "dispensed", "dispense");
    }

    private static void end(final Connection c, final Proof proof, final EpcisEvent e, final List<String> tree,
            final String status, final String kind) throws SQLException {
        Jdbc.update(c, "UPDATE unit SET status = ?, ended_at = ?, ended_by = ?, end_kind = ?, end_tx_id = ?,"
                + " end_block = ?, updated_block = ? WHERE code = ANY(?)", status, e.eventTime(), e.actorMsp(),
                kind, proof.txId(), proof.blockNumber(), proof.blockNumber(), tree);
    }
}
