// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.medtrace.chaincode.api.Json;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerIdentity;
import org.medtrace.gateway.writes.LedgerWrites;
import org.medtrace.gateway.writes.WriteResult;
import org.medtrace.gateway.writes.Writes;

/**
 * Puts closed windows and raised excursions on the ledger ({@code telemetry:anchor}, {@code telemetry:excursion}),
 * signed by an identity of the logger's organisation, oldest first, excursions before anchors (they hold goods). Every
 * submission has a deterministic idempotency key, so a retry after a crash or a timeout replays instead of writing
 * twice. A refusal by the chaincode is final and recorded; an unreachable ledger leaves the record pending.
 */
final class LedgerAnchoring {

    private static final Logger LOG = Logger.getLogger(LedgerAnchoring.class.getName());
    private static final int STRIPES = 64;

    private final DataSource dataSource;
    private final LedgerWrites writes;
    private final List<LedgerIdentity> identities;
    private final Object[] locks = new Object[STRIPES];

    LedgerAnchoring(final DataSource dataSource, final LedgerWrites writes, final List<LedgerIdentity> identities) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.identities = List.copyOf(identities);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** @return loggers with something pending (at most {@code limit}) */
    List<Integer> pending(final int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.query(c, "SELECT logger_key FROM telemetry_excursion WHERE status = 'pending' UNION SELECT"
                    + " logger_key FROM telemetry_window WHERE status = 'pending' LIMIT ?", rs -> rs.getInt(1), limit);
        }
    }

    /**
     * Submits what is pending for one logger; one submitter per logger at a time.
     *
     * @param loggerKey the logger
     * @return true if nothing is left pending
     * @throws SQLException on a database error
     */
    boolean submit(final int loggerKey) throws SQLException {
        synchronized (locks[Math.floorMod(loggerKey, STRIPES)]) {
            try (Connection c = dataSource.getConnection()) {
                final LoggerRef logger = Jdbc.first(c, "SELECT logger_key, logger_id, owner_msp FROM telemetry_logger"
                        + " WHERE logger_key = ?", rs -> new LoggerRef(rs.getInt(1), rs.getString(2),
                                rs.getString(3)), loggerKey).orElseThrow();
                return excursions(c, logger) && windows(c, logger);
            }
        }
    }

    private boolean excursions(final Connection c, final LoggerRef logger) throws SQLException {
        final List<Object[]> pending = Jdbc.query(c, "SELECT excursion_id, rule, kind, started_at, minutes,"
                + " peak_celsius FROM telemetry_excursion WHERE logger_key = ? AND status = 'pending'"
                + " ORDER BY detected_at, excursion_id", rs -> new Object[] {rs.getString(1), rs.getString(2),
                    rs.getString(3), Jdbc.instant(rs, "started_at"), rs.getInt(5), rs.getObject(6)}, logger.key());
        for (final Object[] e : pending) {
            final String id = (String) e[0];
            final BigDecimal peak = e[5] == null ? null
                    : BigDecimal.valueOf((Double) e[5]).setScale(3, java.math.RoundingMode.HALF_EVEN);
            final ObjectNode request = Json.object().put("excursionId", id).put("loggerId", logger.loggerId())
                    .put("kind", (String) e[2]).put("startedAt", Json.instant((Instant) e[3]))
                    .put("minutes", (Integer) e[4]).put("peakCelsius", peak).put("rule", (String) e[1]);
            if (!submitted(c, logger, Writes.EXCURSION, request, id, "telemetry_excursion", "excursion_id", id,
                    "recorded")) {
                return false;
            }
        }
        return true;
    }

    private boolean windows(final Connection c, final LoggerRef logger) throws SQLException {
        final List<Object[]> pending = Jdbc.query(c, "SELECT window_start, window_end, reading_count, merkle_root,"
                + " summary::text FROM telemetry_window WHERE logger_key = ? AND status = 'pending'"
                + " ORDER BY window_end", rs -> new Object[] {Jdbc.instant(rs, "window_start"),
                    Jdbc.instant(rs, "window_end"), rs.getInt(3), rs.getString(4), rs.getString(5)}, logger.key());
        for (final Object[] w : pending) {
            final JsonNode summary = Json.read(((String) w[4]).getBytes(StandardCharsets.UTF_8), JsonNode.class);
            final Instant end = (Instant) w[1];
            final ObjectNode request = Json.object().put("loggerId", logger.loggerId())
                    .put("windowStart", Json.instant((Instant) w[0])).put("windowEnd", Json.instant(end))
                    .put("merkleRoot", (String) w[3]).put("readingCount", (Integer) w[2]);
            request.set("summary", summary);
            final String key = "anchor." + HexFormat.of().formatHex(LoggerCredentials.sha256(logger.loggerId()), 0, 12)
                    + "." + end.toEpochMilli() + "." + end.getNano();
            final String where = "logger_key = " + logger.key() + " AND window_end";
            if (!submitted(c, logger, Writes.ANCHOR, request, key, "telemetry_window", where, end, "anchored")) {
                return false;
            }
        }
        return true;
    }

    private boolean submitted(final Connection c, final LoggerRef logger, final LedgerWrites.Write<?> write,
            final ObjectNode request, final String key, final String table, final String keyColumn, final Object keyValue,
            final String doneStatus) throws SQLException {
        final Optional<LedgerIdentity> identity = identityOf(logger.ownerMsp(), write == Writes.ANCHOR);
        if (identity.isEmpty()) {
            mark(c, table, keyColumn, keyValue, "pending", null, null, "no ledger identity of " + logger.ownerMsp()
                    + " with role logger or logistics is configured");
            return false;
        }
        final LedgerIdentity id = identity.get();
        try {
            final WriteResult result = writes.submit(new Caller("telemetry", id.name(), id.mspId(), id.role()),
                    writes.check(write, request, key), Map.of());
            mark(c, table, keyColumn, keyValue, doneStatus, result.txId(), result.blockNumber(), null);
            return true;
        } catch (ChaincodeRefusedException e) {
            LOG.warning(() -> write.transaction() + " of logger " + logger.loggerId() + " refused: " + e.getMessage());
            mark(c, table, keyColumn, keyValue, "refused", e.transactionId().orElse(null), null, e.getMessage());
            return true;
        } catch (ApiException e) {
            LOG.warning(() -> write.transaction() + " of logger " + logger.loggerId() + " refused: " + e.getMessage());
            mark(c, table, keyColumn, keyValue, "refused", null, null, e.getMessage());
            return true;
        } catch (LedgerException | RuntimeException e) {
            LOG.log(Level.WARNING, write.transaction() + " of logger " + logger.loggerId() + " failed; retried later",
                    e);
            mark(c, table, keyColumn, keyValue, "pending", null, null, String.valueOf(e.getMessage()));
            return false;
        }
    }

    private static void mark(final Connection c, final String table, final String keyColumn, final Object keyValue,
            final String status, final String txId, final Long block, final String error) throws SQLException {
        Jdbc.update(c, "UPDATE " + table + " SET status = ?, tx_id = ?, block_number = ?, error = ? WHERE "
                + keyColumn + " = ?", status, txId, block, error, keyValue);
    }

    /** An identity of the organisation: role logger first, then logistics; for excursions any role of it. */
    private Optional<LedgerIdentity> identityOf(final String msp, final boolean anchor) {
        for (final String role : anchor ? List.of("logger", "logistics") : List.of("logger", "logistics", "")) {
            for (final LedgerIdentity identity : identities) {
                if (identity.mspId().equals(msp) && (role.isEmpty() || identity.role().equals(role))) {
                    return Optional.of(identity);
                }
            }
        }
        return Optional.empty();
    }

}
