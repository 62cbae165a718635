// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medtrace.gateway.db.Jdbc.Json;
import org.medtrace.gateway.db.Jdbc;

/** Logger registry, logger-to-goods associations, telemetry anchors and excursions. */
final class TelemetryEffects {

    void apply(final Connection c, final Proof proof, final EpcisEvent e, final List<Subject> subjects)
            throws SQLException {
        switch (e.transaction().orElse("")) {
            case "telemetry:registerLogger" -> Jdbc.update(c, "INSERT INTO logger (id, owner, model, active,"
                    + " registered_at, tx_id, block_number) VALUES (?, ?, ?, true, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    loggerId(e), e.actorMsp().orElse(""), e.attribute("model"), e.eventTime(), proof.txId(),
                    proof.blockNumber());
            case "telemetry:revokeLogger" -> Jdbc.update(c, "UPDATE logger SET active = false WHERE id = ?",
                    loggerId(e));
            case "telemetry:associate", "telemetry:dissociate" -> association(c, proof, e);
            case "telemetry:anchor" -> anchor(c, proof, e);
            case "telemetry:excursion" -> excursion(c, proof, e, subjects);
            default -> {
                // no current state
            }
        }
    }

    /** The logger: the anchor's or excursion's sensor device, the association's parent, or the registered code. */
    private static String loggerId(final EpcisEvent e) {
        return sensorMetadata(e, "deviceID").or(() -> e.attribute("loggerId")).or(e::parentId)
                .or(() -> e.epcList().stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("logger event " + e.eventId() + " without logger"));
    }

    private static Optional<String> sensorMetadata(final EpcisEvent e, final String field) {
        for (final JsonNode element : e.sensorElements()) {
            final Optional<String> value = EpcisEvent.textOf(element.path("sensorMetadata"), field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> sensorReport(final EpcisEvent e, final String field) {
        for (final JsonNode element : e.sensorElements()) {
            for (final JsonNode report : element.path("sensorReport")) {
                if (report.path(field).isNumber()) {
                    return Optional.of(report.path(field).decimalValue());
                }
            }
        }
        return Optional.empty();
    }

    private static void association(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final String logger = loggerId(e);
        final List<String> targets = e.childEpcs().isEmpty() ? e.epcList() : e.childEpcs();
        if ("DELETE".equals(e.action().orElse(""))) {
            Jdbc.update(c, "UPDATE logger_association SET valid_to = ? WHERE logger_id = ? AND valid_to IS NULL"
                    + " AND (cardinality(?::text[]) = 0 OR target = ANY(?))", e.eventTime(), logger, targets, targets);
            return;
        }
        final List<Object[]> rows = new ArrayList<>();
        for (final String target : targets) {
            if (!target.equals(logger)) {
                rows.add(new Object[] {logger, target, e.eventTime(), proof.txId(), proof.blockNumber()});
            }
        }
        Jdbc.batch(c, "INSERT INTO logger_association (logger_id, target, valid_from, tx_id, block_number)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    private static void anchor(final Connection c, final Proof proof, final EpcisEvent e) throws SQLException {
        final JsonNode summary = e.details().has("summary") ? e.details().path("summary") : e.ilmd().path("summary");
        final Instant start = Instant.parse(sensorMetadata(e, "startTime").or(() -> e.attribute("windowStart"))
                .orElseThrow(() -> missing(e, "windowStart")));
        final Instant end = Instant.parse(sensorMetadata(e, "endTime").or(() -> e.attribute("windowEnd"))
                .orElseThrow(() -> missing(e, "windowEnd")));
        Jdbc.update(c, "INSERT INTO telemetry_anchor (logger_id, window_start, window_end, merkle_root,"
                + " reading_count, min_celsius, max_celsius, mean_celsius, mkt_celsius, minutes_above,"
                + " minutes_below, summary, tx_id, block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", loggerId(e), start, end,
                e.attribute("merkleRoot").orElseThrow(() -> missing(e, "merkleRoot")),
                e.number("readingCount").map(BigDecimal::intValue).orElse(0), decimal(summary, "minCelsius"),
                decimal(summary, "maxCelsius"), decimal(summary, "meanCelsius"), decimal(summary, "mktCelsius"),
                decimal(summary, "minutesAbove"), decimal(summary, "minutesBelow"), new Json(summary.toString()),
                proof.txId(), proof.blockNumber());
    }

    private static void excursion(final Connection c, final Proof proof, final EpcisEvent e,
            final List<Subject> subjects) throws SQLException {
        final String id = e.attribute("excursionId").or(e::holdId)
                .orElseThrow(() -> missing(e, "excursionId"));
        Jdbc.update(c, "INSERT INTO excursion (id, logger_id, kind, started_at, ended_at, minutes, peak_celsius,"
                + " tx_id, block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", id,
                loggerId(e), e.attribute("kind").orElse("high"),
                Instant.parse(sensorMetadata(e, "startTime").orElse(e.eventTime().toString())),
                sensorMetadata(e, "endTime").map(Instant::parse), e.number("minutes"),
                sensorReport(e, "value"),
                proof.txId(), proof.blockNumber());
        // The ledger holds only goods still in circulation.
        final List<String> held = Jdbc.query(c, "SELECT code FROM unit WHERE code = ANY(?)"
                + " AND status IN ('active', 'in_transit') ORDER BY code", rs -> rs.getString(1),
                Trees.codes(subjects));
        CustodyEffects.hold(c, proof, e, held);
    }

    private static Optional<BigDecimal> decimal(final JsonNode node, final String name) {
        return node.path(name).isNumber() ? Optional.of(node.path(name).decimalValue()) : Optional.empty();
    }

    private static IllegalArgumentException missing(final EpcisEvent e, final String field) {
        return new IllegalArgumentException("event " + e.eventId() + " without " + field);
    }
}
