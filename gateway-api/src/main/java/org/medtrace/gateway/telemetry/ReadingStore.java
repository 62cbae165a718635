// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stores batches of readings durably: one transaction per batch that locks the logger's row (so batches of one
 * logger serialise with each other and with the closing of its windows), leaves out sequence numbers stored before,
 * copies the new readings in with binary COPY, records their sequence numbers, and commits with
 * {@code synchronous_commit = on} whatever the server's default, so that a stored reading survives a crash.
 */
final class ReadingStore {

    /** The COPY statement; the binary rows below follow its column order. */
    static final String COPY = "COPY telemetry_reading (logger_key, seq, reading_time, celsius, humidity, battery,"
            + " door_open, late, received_at) FROM STDIN (FORMAT binary)";
    /** Microseconds from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    // Also the logger's last stored range: a batch that starts after it (the common case) needs no range lookup.
    private static final String LOCK = "SELECT l.anchored_until, set_config('synchronous_commit', 'on', true),"
            + " r.first_seq, r.last_seq FROM telemetry_logger l LEFT JOIN LATERAL (SELECT first_seq, last_seq FROM"
            + " telemetry_seq_range WHERE logger_key = l.logger_key ORDER BY first_seq DESC LIMIT 1) r ON true"
            + " WHERE l.logger_key = ? FOR UPDATE OF l";
    // For each run [a, b] of the batch: the stored range just before it and the ranges starting inside or right after.
    private static final String RANGES = "SELECT DISTINCT r.first_seq, r.last_seq FROM unnest(?::bigint[],"
            + " ?::bigint[]) AS run(a, b) CROSS JOIN LATERAL ((SELECT first_seq, last_seq FROM telemetry_seq_range"
            + " WHERE logger_key = ? AND first_seq < run.a ORDER BY first_seq DESC LIMIT 1) UNION ALL (SELECT"
            + " first_seq, last_seq FROM telemetry_seq_range WHERE logger_key = ? AND first_seq >= run.a AND"
            + " first_seq <= run.b + 1)) AS r WHERE r.last_seq >= run.a - 1 ORDER BY 1";
    private static final String RECORD = "WITH gone AS (DELETE FROM telemetry_seq_range WHERE logger_key = ? AND"
            + " first_seq = ANY(?::bigint[]) AND NOT first_seq = ANY(?::bigint[])), merged AS (INSERT INTO"
            + " telemetry_seq_range SELECT ?, f, l FROM unnest(?::bigint[], ?::bigint[]) AS m(f, l)"
            + " ON CONFLICT (logger_key, first_seq) DO UPDATE SET last_seq = EXCLUDED.last_seq)"
            + " UPDATE telemetry_logger SET pending_from = LEAST(pending_from, ?), readings_stored = readings_stored"
            + " + ?, last_received_at = ? WHERE logger_key = ?";

    private final DataSource dataSource;
    private final Partitions partitions;

    ReadingStore(final DataSource dataSource, final Partitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /**
     * @param logger the authenticated logger
     * @param batch its readings
     * @param receivedMicros the gateway's clock at arrival
     * @return what was stored
     * @throws SQLException on a database error (then nothing of the batch is stored)
     */
    IngestResult store(final LoggerRef logger, final ReadingBatch batch, final long receivedMicros)
            throws SQLException {
        final int[] order = batch.bySeq();
        final Set<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < batch.size(); i++) {
            days.add(Partitions.dayOf(batch.timeMicros(i)));
        }
        partitions.ensure(days);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                final IngestResult result = store(c, logger, batch, order, receivedMicros);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private IngestResult store(final Connection c, final LoggerRef logger, final ReadingBatch batch,
            final int[] order, final long receivedMicros) throws SQLException {
        final Locked locked = lock(c, logger);
        final long anchoredUntil = locked.anchoredUntil();
        final List<long[]> stored = ranges(c, logger, batch, order, locked.lastRange());
        final boolean[] fresh = new boolean[batch.size()];
        final List<long[]> freshRuns = new ArrayList<>();
        int freshCount = 0;
        int late = 0;
        long pendingFrom = Long.MAX_VALUE;
        long previous = Long.MIN_VALUE;
        for (final int i : order) {
            final long seq = batch.seq(i);
            if (seq == previous || contains(stored, seq)) {
                continue;
            }
            previous = seq;
            fresh[i] = true;
            freshCount++;
            if (batch.timeMicros(i) < anchoredUntil) {
                late++;
            } else {
                pendingFrom = Math.min(pendingFrom, batch.timeMicros(i));
            }
            if (!freshRuns.isEmpty() && freshRuns.get(freshRuns.size() - 1)[1] == seq - 1) {
                freshRuns.get(freshRuns.size() - 1)[1] = seq;
            } else {
                freshRuns.add(new long[] {seq, seq});
            }
        }
        if (freshCount > 0) {
            copy(c, logger, batch, fresh, anchoredUntil, receivedMicros);
            record(c, logger, stored, freshRuns, pendingFrom, freshCount, receivedMicros);
        }
        return new IngestResult(logger.loggerId(), batch.size(), freshCount, batch.size() - freshCount, late);
    }

    /**
     * What locking the logger's row reads.
     *
     * @param anchoredUntil readings before this lie in closed windows (µs; {@code Long.MIN_VALUE} for none)
     * @param lastRange the logger's last stored sequence range {@code {first, last}}, or null when none
     */
    private record Locked(long anchoredUntil, long[] lastRange) {
    }

    private static Locked lock(final Connection c, final LoggerRef logger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setInt(1, logger.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("logger " + logger.loggerId() + " has no telemetry row");
                }
                final Timestamp until = rs.getTimestamp(1);
                final long lastFirst = rs.getLong(3);
                final long[] lastRange = rs.wasNull() ? null : new long[] {lastFirst, rs.getLong(4)};
                return new Locked(until == null ? Long.MIN_VALUE : micros(until), lastRange);
            }
        }
    }

    /** @return the stored ranges that contain or touch a run of the batch's sequence numbers, sorted */
    private static List<long[]> ranges(final Connection c, final LoggerRef logger, final ReadingBatch batch,
            final int[] order, final long[] lastRange) throws SQLException {
        if (order.length == 0 || lastRange == null) {
            return List.of(); // an empty batch, or nothing stored yet for this logger
        }
        final long lowest = batch.seq(order[0]);
        if (lowest > lastRange[1]) {
            // Nothing stored at or after the batch's lowest number: only the last range can touch it.
            return lowest == lastRange[1] + 1 ? List.of(lastRange) : List.of();
        }
        final List<Long> starts = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();
        for (final int i : order) {
            final long seq = batch.seq(i);
            if (!ends.isEmpty() && seq <= ends.get(ends.size() - 1) + 1) {
                ends.set(ends.size() - 1, Math.max(seq, ends.get(ends.size() - 1)));
            } else {
                starts.add(seq);
                ends.add(seq);
            }
        }
        final List<long[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RANGES)) {
            ps.setArray(1, c.createArrayOf("bigint", starts.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", ends.toArray()));
            ps.setInt(3, logger.key());
            ps.setInt(4, logger.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return out;
    }

    private static boolean contains(final List<long[]> ranges, final long seq) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long[] r = ranges.get(mid);
            if (seq < r[0]) {
                hi = mid - 1;
            } else if (seq > r[1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static void copy(final Connection c, final LoggerRef logger, final ReadingBatch batch,
            final boolean[] fresh, final long anchoredUntil, final long receivedMicros) throws SQLException {
        final CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            final byte[] rows = BinaryRows.encode(logger.key(), batch, fresh, anchoredUntil, receivedMicros);
            copy.writeToCopy(rows, 0, rows.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void record(final Connection c, final LoggerRef logger, final List<long[]> stored,
            final List<long[]> freshRuns, final long pendingFrom, final int freshCount, final long receivedMicros)
            throws SQLException {
        final List<long[]> merged = merge(stored, freshRuns);
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setInt(1, logger.key());
            ps.setArray(2, longs(c, stored, 0));
            ps.setArray(3, longs(c, merged, 0));
            ps.setInt(4, logger.key());
            ps.setArray(5, longs(c, merged, 0));
            ps.setArray(6, longs(c, merged, 1));
            ps.setTimestamp(7, pendingFrom == Long.MAX_VALUE ? null : timestamp(pendingFrom));
            ps.setInt(8, freshCount);
            ps.setTimestamp(9, timestamp(receivedMicros));
            ps.setInt(10, logger.key());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("logger " + logger.loggerId() + " lost its telemetry row");
            }
        }
    }

    /** @return the union of two sorted lists of disjoint ranges, adjacent ranges joined */
    static List<long[]> merge(final List<long[]> a, final List<long[]> b) {
        final List<long[]> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        all.sort((x, y) -> Long.compare(x[0], y[0]));
        final List<long[]> out = new ArrayList<>();
        for (final long[] r : all) {
            final long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new long[] {r[0], r[1]});
            }
        }
        return out;
    }

    private static Array longs(final Connection c, final List<long[]> ranges, final int column) throws SQLException {
        final Long[] values = new Long[ranges.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ranges.get(i)[column];
        }
        return c.createArrayOf("bigint", values);
    }

    static long micros(final Timestamp t) {
        return Math.floorDiv(t.getTime(), 1000) * 1_000_000L + t.getNanos() / 1000;
    }

    static Timestamp timestamp(final long micros) {
        final Timestamp t = new Timestamp(Math.floorDiv(micros, 1_000_000L) * 1000);
        t.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        return t;
    }

    /** PostgreSQL's binary COPY format of the readings table's rows. */
    static final class BinaryRows {
        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
        private static final int ROW_BYTES_MAX = 2 + 9 * 4 + 4 + 8 + 8 + 8 + 4 + 4 + 1 + 1 + 8;

        private BinaryRows() {
        }

        static byte[] encode(final int loggerKey, final ReadingBatch batch, final boolean[] include,
                final long anchoredUntil, final long receivedMicros) {
            final ByteBuffer out = ByteBuffer.allocate(HEADER.length + batch.size() * ROW_BYTES_MAX + 2);
            out.put(HEADER);
            for (int i = 0; i < batch.size(); i++) {
                if (include != null && !include[i]) {
                    continue;
                }
                out.putShort((short) 9);
                out.putInt(4).putInt(loggerKey);
                out.putInt(8).putLong(batch.seq(i));
                out.putInt(8).putLong(batch.timeMicros(i) - PG_EPOCH_MICROS);
                out.putInt(8).putDouble(batch.celsius(i));
                putFloat(out, batch.humidity(i));
                putFloat(out, batch.battery(i));
                if (batch.door(i) == ReadingBatch.DOOR_ABSENT) {
                    out.putInt(-1);
                } else {
                    out.putInt(1).put(batch.door(i));
                }
                out.putInt(1).put((byte) (batch.timeMicros(i) < anchoredUntil ? 1 : 0));
                out.putInt(8).putLong(receivedMicros - PG_EPOCH_MICROS);
            }
            out.putShort((short) -1);
            return java.util.Arrays.copyOf(out.array(), out.position());
        }

        private static void putFloat(final ByteBuffer out, final float value) {
            if (Float.isNaN(value)) {
                out.putInt(-1);
            } else {
                out.putInt(4).putFloat(value);
            }
        }
    }
}
