// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stores batches of readings durably, a group of batches (of different loggers) in one transaction: lock the loggers'
 * rows (so batches of one logger serialise with each other and with the closing of its windows), leave out sequence
 * numbers stored before, copy the new readings of all batches in with one binary COPY, record their sequence numbers,
 * and commit with {@code synchronous_commit = on} whatever the server's default, so that a stored reading survives a
 * crash. One commit for the group is one WAL flush, where a transaction per batch would pay one each.
 */
final class ReadingStore {

    /** The COPY statement; the binary rows below follow its column order. */
    static final String COPY = "COPY telemetry_reading (logger_key, seq, reading_time, celsius, humidity, battery,"
            + " door_open, late, received_at) FROM STDIN (FORMAT binary)";
    /** Microseconds from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    // Also each logger's last stored range: a batch that starts after it (the common case) needs no range lookup.
    // Rows are locked in key order, so two groups that share loggers cannot deadlock.
    private static final String LOCK = "SELECT l.logger_key, l.anchored_until, set_config('synchronous_commit', 'on',"
            + " true), r.first_seq, r.last_seq FROM telemetry_logger l LEFT JOIN LATERAL (SELECT first_seq, last_seq"
            + " FROM telemetry_seq_range WHERE logger_key = l.logger_key ORDER BY first_seq DESC LIMIT 1) r ON true"
            + " WHERE l.logger_key = ANY(?::int[]) ORDER BY l.logger_key FOR UPDATE OF l";
    // For each run [a, b] of the batch: the stored range just before it and the ranges starting inside or right after
    // (LEAST: b + 1 overflows a bigint at the largest sequence number).
    private static final String RANGES = "SELECT DISTINCT r.first_seq, r.last_seq FROM unnest(?::bigint[],"
            + " ?::bigint[]) AS run(a, b) CROSS JOIN LATERAL ((SELECT first_seq, last_seq FROM telemetry_seq_range"
            + " WHERE logger_key = ? AND first_seq < run.a ORDER BY first_seq DESC LIMIT 1) UNION ALL (SELECT"
            + " first_seq, last_seq FROM telemetry_seq_range WHERE logger_key = ? AND first_seq >= run.a AND"
            + " first_seq <= LEAST(run.b, 9223372036854775806) + 1)) AS r WHERE r.last_seq >= run.a - 1 ORDER BY 1";
    // Ranges merged away, ranges new or grown, and the loggers' counters, for the whole group in one statement.
    private static final String RECORD = "WITH gone AS (DELETE FROM telemetry_seq_range s USING unnest(?::int[],"
            + " ?::bigint[]) AS g(k, f) WHERE s.logger_key = g.k AND s.first_seq = g.f), grown AS (INSERT INTO"
            + " telemetry_seq_range (logger_key, first_seq, last_seq) SELECT * FROM unnest(?::int[], ?::bigint[],"
            + " ?::bigint[]) ON CONFLICT (logger_key, first_seq) DO UPDATE SET last_seq = EXCLUDED.last_seq)"
            + " UPDATE telemetry_logger l SET pending_from = LEAST(l.pending_from, 'epoch'::timestamptz + u.p"
            + " * interval '1 microsecond'), readings_stored = l.readings_stored + u.n, last_received_at ="
            + " 'epoch'::timestamptz + u.r * interval '1 microsecond' FROM unnest(?::int[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[]) AS u(k, p, n, r) WHERE l.logger_key = u.k";

    /**
     * A parsed batch to store.
     *
     * @param logger the authenticated logger
     * @param batch its readings
     * @param receivedMicros the gateway's clock at arrival
     */
    record Pending(LoggerRef logger, ReadingBatch batch, long receivedMicros) {
    }

    private final DataSource dataSource;
    private final Partitions partitions;

    ReadingStore(final DataSource dataSource, final Partitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /**
     * @param group batches of different loggers
     * @return what was stored of each, in the group's order
     * @throws SQLException on a database error (then nothing of the group is stored)
     */
    List<IngestResult> store(final List<Pending> group) throws SQLException {
        final Set<LocalDate> days = new TreeSet<>();
        final Set<Integer> loggers = new HashSet<>();
        for (final Pending p : group) {
            if (!loggers.add(p.logger().key())) {
                throw new IllegalArgumentException("two batches of logger " + p.logger().loggerId() + " in a group");
            }
            for (int i = 0; i < p.batch().size(); i++) {
                days.add(Partitions.dayOf(p.batch().timeMicros(i)));
            }
        }
        partitions.ensure(days);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                final List<IngestResult> results = store(c, group);
                c.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private List<IngestResult> store(final Connection c, final List<Pending> group) throws SQLException {
        final Map<Integer, Locked> locked = lock(c, group);
        final List<Plan> plans = new ArrayList<>(group.size());
        for (final Pending p : group) {
            final Locked l = locked.get(p.logger().key());
            if (l == null) {
                throw new IllegalStateException("logger " + p.logger().loggerId() + " has no telemetry row");
            }
            plans.add(plan(c, p, l));
        }
        copy(c, plans);
        record(c, plans);
        final List<IngestResult> results = new ArrayList<>(plans.size());
        for (final Plan plan : plans) {
            final ReadingBatch batch = plan.pending().batch();
            results.add(new IngestResult(plan.pending().logger().loggerId(), batch.size(), plan.freshCount(),
                    batch.size() - plan.freshCount(), plan.late()));
        }
        return results;
    }

    /**
     * What storing one batch does.
     *
     * @param pending the batch
     * @param anchoredUntil readings before this are late (µs)
     * @param fresh which readings are new (stored before or repeated in the batch: not)
     * @param freshCount how many are
     * @param late how many of them are late
     * @param pendingFrom the earliest new reading that is not late (µs), or {@code Long.MAX_VALUE}
     * @param stored the stored ranges that the batch touches, sorted
     * @param merged those ranges with the new readings' sequence numbers, sorted
     */
    private record Plan(Pending pending, long anchoredUntil, boolean[] fresh, int freshCount, int late,
            long pendingFrom, List<long[]> stored, List<long[]> merged) {
    }

    private static Plan plan(final Connection c, final Pending pending, final Locked locked) throws SQLException {
        final ReadingBatch batch = pending.batch();
        final int[] order = batch.bySeq();
        final List<long[]> stored = ranges(c, pending.logger(), batch, order, locked.lastRange());
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
            if (batch.timeMicros(i) < locked.anchoredUntil()) {
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
        return new Plan(pending, locked.anchoredUntil(), fresh, freshCount, late, pendingFrom, stored,
                merge(stored, freshRuns));
    }

    /**
     * What locking a logger's row reads.
     *
     * @param anchoredUntil readings before this lie in closed windows (µs; {@code Long.MIN_VALUE} for none)
     * @param lastRange the logger's last stored sequence range {@code {first, last}}, or null when none
     */
    private record Locked(long anchoredUntil, long[] lastRange) {
    }

    private static Map<Integer, Locked> lock(final Connection c, final List<Pending> group) throws SQLException {
        final Integer[] keys = new Integer[group.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = group.get(i).logger().key();
        }
        final Map<Integer, Locked> locked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setArray(1, c.createArrayOf("int4", keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    final Timestamp until = rs.getTimestamp(2);
                    final long lastFirst = rs.getLong(4);
                    final long[] lastRange = rs.wasNull() ? null : new long[] {lastFirst, rs.getLong(5)};
                    locked.put(rs.getInt(1), new Locked(until == null ? Long.MIN_VALUE : micros(until), lastRange));
                }
            }
        }
        return locked;
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
            return lowest - 1 == lastRange[1] ? List.of(lastRange) : List.of();
        }
        final List<Long> starts = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();
        for (final int i : order) {
            final long seq = batch.seq(i);
            if (!ends.isEmpty() && seq - 1 <= ends.get(ends.size() - 1)) {
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

    /** One COPY for the new readings of every batch of the group. */
    private static void copy(final Connection c, final List<Plan> plans) throws SQLException {
        if (plans.stream().allMatch(p -> p.freshCount() == 0)) {
            return;
        }
        final CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(BinaryRows.HEADER, 0, BinaryRows.HEADER.length);
            for (final Plan p : plans) {
                if (p.freshCount() > 0) {
                    final byte[] rows = BinaryRows.rows(p.pending().logger().key(), p.pending().batch(), p.fresh(),
                            p.anchoredUntil(), p.pending().receivedMicros());
                    copy.writeToCopy(rows, 0, rows.length);
                }
            }
            copy.writeToCopy(BinaryRows.TRAILER, 0, BinaryRows.TRAILER.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Records the group's new sequence ranges and the loggers' counters in one statement. */
    private static void record(final Connection c, final List<Plan> plans) throws SQLException {
        final List<Object> goneKeys = new ArrayList<>();
        final List<Object> goneFirsts = new ArrayList<>();
        final List<Object> grownKeys = new ArrayList<>();
        final List<Object> grownFirsts = new ArrayList<>();
        final List<Object> grownLasts = new ArrayList<>();
        final List<Object> keys = new ArrayList<>();
        final List<Object> pendingFroms = new ArrayList<>();
        final List<Object> counts = new ArrayList<>();
        final List<Object> receivedAts = new ArrayList<>();
        for (final Plan p : plans) {
            if (p.freshCount() == 0) {
                continue;
            }
            final int key = p.pending().logger().key();
            final Map<Long, Long> before = new HashMap<>();
            p.stored().forEach(r -> before.put(r[0], r[1]));
            final Set<Long> after = new HashSet<>();
            for (final long[] r : p.merged()) {
                after.add(r[0]);
                if (!Long.valueOf(r[1]).equals(before.get(r[0]))) {
                    grownKeys.add(key);
                    grownFirsts.add(r[0]);
                    grownLasts.add(r[1]);
                }
            }
            for (final long[] r : p.stored()) {
                if (!after.contains(r[0])) {
                    goneKeys.add(key);
                    goneFirsts.add(r[0]);
                }
            }
            keys.add(key);
            pendingFroms.add(p.pendingFrom() == Long.MAX_VALUE ? null : p.pendingFrom());
            counts.add((long) p.freshCount());
            receivedAts.add(p.pending().receivedMicros());
        }
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setArray(1, c.createArrayOf("int4", goneKeys.toArray()));
            ps.setArray(2, c.createArrayOf("int8", goneFirsts.toArray()));
            ps.setArray(3, c.createArrayOf("int4", grownKeys.toArray()));
            ps.setArray(4, c.createArrayOf("int8", grownFirsts.toArray()));
            ps.setArray(5, c.createArrayOf("int8", grownLasts.toArray()));
            ps.setArray(6, c.createArrayOf("int4", keys.toArray()));
            ps.setArray(7, c.createArrayOf("int8", pendingFroms.toArray()));
            ps.setArray(8, c.createArrayOf("int8", counts.toArray()));
            ps.setArray(9, c.createArrayOf("int8", receivedAts.toArray()));
            if (ps.executeUpdate() != keys.size()) {
                throw new IllegalStateException("a logger of the group lost its telemetry row");
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
            if (last != null && r[0] - 1 <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new long[] {r[0], r[1]});
            }
        }
        return out;
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
        /** The stream's header: signature, flags, header extension length. */
        static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
            0, 0, 0, 0};
        /** The stream's trailer: a field count of -1. */
        static final byte[] TRAILER = {-1, -1};
        private static final int ROW_BYTES_MAX = 2 + 9 * 4 + 4 + 8 + 8 + 8 + 4 + 4 + 1 + 1 + 8;

        private BinaryRows() {
        }

        /** @return a whole COPY stream (header, rows, trailer) of a batch's readings */
        static byte[] encode(final int loggerKey, final ReadingBatch batch, final boolean[] include,
                final long anchoredUntil, final long receivedMicros) {
            final byte[] rows = rows(loggerKey, batch, include, anchoredUntil, receivedMicros);
            final byte[] out = new byte[HEADER.length + rows.length + TRAILER.length];
            System.arraycopy(HEADER, 0, out, 0, HEADER.length);
            System.arraycopy(rows, 0, out, HEADER.length, rows.length);
            System.arraycopy(TRAILER, 0, out, HEADER.length + rows.length, TRAILER.length);
            return out;
        }

        /** @return the rows of a batch's readings ({@code include}: which; null for all), without header or trailer */
        static byte[] rows(final int loggerKey, final ReadingBatch batch, final boolean[] include,
                final long anchoredUntil, final long receivedMicros) {
            final ByteBuffer out = ByteBuffer.allocate(batch.size() * ROW_BYTES_MAX);
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
