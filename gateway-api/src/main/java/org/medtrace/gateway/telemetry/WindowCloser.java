// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.medtrace.gateway.db.Jdbc;
import org.medtrace.gateway.telemetry.evaluation.EvaluationState;
import org.medtrace.gateway.telemetry.evaluation.Point;
import org.medtrace.gateway.telemetry.evaluation.WindowEvaluator;
import org.medtrace.gateway.telemetry.merkle.MerkleTree;

/**
 * Closes a logger's windows: under the lock of the logger's row (which ingestion takes too, so no batch of the
 * logger is half-way), reads the window's readings, computes the Merkle root, the summary and the alarms, and records
 * the window and the excursions as pending for the ledger, in one transaction. Readings that arrive later for a
 * closed window are stored as late.
 *
 * <p>Windows align to multiples of the window length (UTC). A window closes when its end plus the grace period has
 * passed, or on demand up to a given instant (then it is cut short there). Windows without readings are skipped.
 */
final class WindowCloser {

    /** A window closed by this call. */
    record Closed(int loggerKey, Instant start, Instant end, int readingCount, String merkleRoot, int alarms) {
    }

    private final DataSource dataSource;
    private final RuleResolver rules;
    private final ObjectMapper mapper;
    private final long windowMicros;
    private final long graceMicros;
    private final WindowEvaluator.Settings settings;

    WindowCloser(final DataSource dataSource, final TelemetryConfig config, final ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.rules = new RuleResolver(config);
        this.mapper = mapper;
        this.windowMicros = config.windowMinutes() * 60_000_000L;
        this.graceMicros = config.graceMinutes() * 60_000_000L;
        final long expected = config.expectedIntervalSeconds() * 1_000_000L;
        this.settings = new WindowEvaluator.Settings(expected, (long) (expected * config.gapThresholdFactor()));
    }

    /** @return the loggers with a window due at {@code now} (at most {@code limit}) */
    List<Integer> due(final Instant now, final int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.query(c, "SELECT logger_key FROM telemetry_logger WHERE pending_from IS NOT NULL AND"
                    + " pending_from < ? ORDER BY pending_from LIMIT ?", rs -> rs.getInt(1),
                    now.minus(graceMicros, ChronoUnit.MICROS), limit);
        }
    }

    /**
     * Closes every window of the logger that is due, or (forced) every window up to {@code until}.
     *
     * @param loggerKey the logger
     * @param until now, or the instant to close up to
     * @param forced close windows before their end (and grace) up to {@code until}
     * @return the windows closed
     * @throws SQLException on a database error
     */
    List<Closed> close(final int loggerKey, final Instant until, final boolean forced) throws SQLException {
        final List<Closed> closed = new ArrayList<>();
        final long untilMicros = ChronoUnit.MICROS.between(Instant.EPOCH, until);
        while (true) {
            final Closed next = closeOne(loggerKey, untilMicros, forced);
            if (next == null) {
                return closed;
            }
            closed.add(next);
        }
    }

    private Closed closeOne(final int loggerKey, final long untilMicros, final boolean forced) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                final Closed closed = closeOne(c, loggerKey, untilMicros, forced);
                c.commit();
                return closed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Closed closeOne(final Connection c, final int loggerKey, final long untilMicros, final boolean forced)
            throws SQLException {
        final Object[] state;
        try (PreparedStatement ps = c.prepareStatement("SELECT logger_id, anchored_until, pending_from, evaluation"
                + " FROM telemetry_logger WHERE logger_key = ? FOR UPDATE")) {
            ps.setInt(1, loggerKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(3) == null) {
                    return null;
                }
                state = new Object[] {rs.getString(1), rs.getTimestamp(2) == null ? Long.MIN_VALUE
                    : ReadingStore.micros(rs.getTimestamp(2)), ReadingStore.micros(rs.getTimestamp(3)),
                    rs.getString(4)};
            }
        }
        final String loggerId = (String) state[0];
        final long pendingFrom = (long) state[2];
        final long aligned = Math.floorDiv(pendingFrom, windowMicros) * windowMicros;
        final long start = Math.max((long) state[1], aligned);
        long end = aligned + windowMicros;
        if (forced) {
            if (pendingFrom >= untilMicros) {
                return null;
            }
            end = Math.min(end, untilMicros);
        } else if (end + graceMicros > untilMicros) {
            return null;
        }
        final List<StoredReading> readings = StoredReading.window(c, loggerKey, start, end);
        if (readings.isEmpty() || readings.size() > MerkleTree.LEAVES_MAX) {
            throw new IllegalStateException("logger " + loggerId + ": window " + start + ".." + end + " holds "
                    + readings.size() + " readings, expected 1.." + MerkleTree.LEAVES_MAX);
        }
        final RuleResolver.Applicable applicable = rules.resolve(c, loggerId);
        final EvaluationState before = WindowEvaluator.inEpisode(state(state[3]), applicable.episodeStartMicros());
        final List<Point> points = readings.stream().map(r -> new Point(r.timeMicros(), r.celsius())).toList();
        final WindowEvaluator.Result result = WindowEvaluator.evaluate(start, end, points, before, settings,
                applicable.band(), applicable.rules());
        final String root = HexFormat.of().formatHex(MerkleTree.root(StoredReading.leafHashes(loggerId, readings)));
        record(c, loggerKey, loggerId, start, end, readings, root, result);
        return new Closed(loggerKey, instant(start), instant(end), readings.size(), root, result.alarms().size());
    }

    private void record(final Connection c, final int loggerKey, final String loggerId, final long start,
            final long end, final List<StoredReading> readings, final String root, final WindowEvaluator.Result result)
            throws SQLException {
        final long firstSeq = readings.stream().mapToLong(StoredReading::seq).min().orElseThrow();
        final long lastSeq = readings.stream().mapToLong(StoredReading::seq).max().orElseThrow();
        Jdbc.update(c, "INSERT INTO telemetry_window (logger_key, window_start, window_end, reading_count, first_seq,"
                + " last_seq, merkle_root, summary, closed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(),"
                + " 'pending')", loggerKey, instant(start), instant(end), readings.size(), firstSeq, lastSeq, root,
                new Jdbc.Json(json(result.summary())));
        for (final WindowEvaluator.Alarm alarm : result.alarms()) {
            Jdbc.update(c, "INSERT INTO telemetry_excursion (excursion_id, logger_key, rule, kind, started_at,"
                    + " detected_at, minutes, peak_celsius, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')"
                    + " ON CONFLICT (excursion_id) DO NOTHING", excursionId(loggerId, alarm), loggerKey,
                    alarm.rule().name(), alarm.rule().kind().wire(), instant(alarm.startedMicros()),
                    instant(alarm.firedMicros()), (int) (alarm.seconds() / 60), alarm.peakCelsius());
        }
        Jdbc.update(c, "UPDATE telemetry_logger SET anchored_until = ?, evaluation = ?, pending_from = (SELECT"
                + " min(reading_time) FROM telemetry_reading WHERE logger_key = ? AND reading_time >= ? AND NOT late)"
                + " WHERE logger_key = ?", instant(end), new Jdbc.Json(json(result.state())), loggerKey, instant(end),
                loggerKey);
    }

    /** @return a deterministic id: the same alarm gets the same id, so a retried submission replays */
    static String excursionId(final String loggerId, final WindowEvaluator.Alarm alarm) {
        final byte[] hash = LoggerCredentials.sha256(loggerId + "|" + alarm.rule().name() + "|"
                + alarm.startedMicros());
        return "exc." + HexFormat.of().formatHex(hash, 0, 16);
    }

    private EvaluationState state(final Object json) {
        if (json == null) {
            return EvaluationState.INITIAL;
        }
        try {
            return mapper.readValue(((String) json).getBytes(StandardCharsets.UTF_8), EvaluationState.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable evaluation state", e);
        }
    }

    private String json(final Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    static Instant instant(final long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
