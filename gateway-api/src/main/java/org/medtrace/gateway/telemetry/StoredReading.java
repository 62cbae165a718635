// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.medtrace.gateway.telemetry.merkle.MerkleTree;
import org.medtrace.gateway.telemetry.merkle.ReadingLeaf;

/**
 * A reading as stored, and the one query that reads a window's readings in tree order: closing a window and proving
 * a reading later must see exactly the same leaves.
 *
 * @param seq sequence number
 * @param timeMicros reading time
 * @param celsius temperature
 * @param humidity %RH or null
 * @param battery % or null
 * @param doorOpen door or null
 * @param late arrived after its window closed
 * @param receivedMicros when the gateway stored it
 */
record StoredReading(long seq, long timeMicros, double celsius, Float humidity, Float battery, Boolean doorOpen,
        boolean late, long receivedMicros) {

    private static final String COLUMNS = "seq, reading_time, celsius, humidity, battery, door_open, late,"
            + " received_at";

    /** @return the reading time */
    Instant time() {
        return Instant.EPOCH.plus(timeMicros, ChronoUnit.MICROS);
    }

    /**
     * @param loggerId the logger
     * @return the reading's Merkle leaf
     */
    byte[] leaf(final String loggerId) {
        return ReadingLeaf.encode(loggerId, seq, timeMicros, celsius, humidity, battery, doorOpen);
    }

    /**
     * The readings of a window, late ones left out, in tree order (time, then seq).
     *
     * @param c connection
     * @param loggerKey logger
     * @param startMicros window start
     * @param endMicros window end
     * @return the readings, at most {@link MerkleTree#LEAVES_MAX}
     * @throws SQLException on a database error
     */
    static List<StoredReading> window(final Connection c, final int loggerKey, final long startMicros,
            final long endMicros) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM telemetry_reading WHERE logger_key = ? AND reading_time >= ?"
                + " AND reading_time < ? AND NOT late ORDER BY reading_time, seq LIMIT " + (MerkleTree.LEAVES_MAX + 1),
                loggerKey, ReadingStore.timestamp(startMicros), ReadingStore.timestamp(endMicros));
    }

    /**
     * @param c connection
     * @param loggerKey logger
     * @param seq sequence number
     * @return the reading with that number, if stored
     * @throws SQLException on a database error
     */
    static java.util.Optional<StoredReading> bySeq(final Connection c, final int loggerKey, final long seq)
            throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM telemetry_reading WHERE logger_key = ? AND seq = ? LIMIT 1",
                loggerKey, seq).stream().findFirst();
    }

    /**
     * A page of readings in time order.
     *
     * @param c connection
     * @param loggerKey logger
     * @param fromMicros first time (inclusive)
     * @param toMicros end time (exclusive)
     * @param afterSeq at {@code fromMicros}, only readings with a greater seq (a page cursor), or -1
     * @param limit at most
     * @return the readings
     * @throws SQLException on a database error
     */
    static List<StoredReading> page(final Connection c, final int loggerKey, final long fromMicros,
            final long toMicros, final long afterSeq, final int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM telemetry_reading WHERE logger_key = ? AND reading_time >= ?"
                + " AND reading_time < ? AND (reading_time, seq) > (?, " + afterSeq + ") ORDER BY reading_time, seq"
                + " LIMIT " + limit, loggerKey, ReadingStore.timestamp(fromMicros), ReadingStore.timestamp(toMicros),
                ReadingStore.timestamp(fromMicros));
    }

    /**
     * @param loggerId the logger
     * @param readings readings in tree order
     * @return their leaf hashes
     */
    static List<byte[]> leafHashes(final String loggerId, final List<StoredReading> readings) {
        final List<byte[]> hashes = new ArrayList<>(readings.size());
        for (final StoredReading r : readings) {
            hashes.add(MerkleTree.leafHash(r.leaf(loggerId)));
        }
        return hashes;
    }

    private static List<StoredReading> query(final Connection c, final String sql, final Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            final List<StoredReading> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredReading(rs.getLong(1), ReadingStore.micros(rs.getTimestamp(2)), rs.getDouble(3),
                            (Float) rs.getObject(4), (Float) rs.getObject(5), (Boolean) rs.getObject(6),
                            rs.getBoolean(7), ReadingStore.micros(rs.getTimestamp(8))));
                }
            }
            return out;
        }
    }
}
