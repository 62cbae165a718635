// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The leaf of one reading in a window's Merkle tree (version 1), big-endian, fixed layout so that anyone can rebuild
 * it from the reading's JSON:
 *
 * <pre>
 * u8     0x01                       encoding version
 * u16    n, then n bytes            logger id, UTF-8
 * i64    seq                        the logger's sequence number
 * i64    time                       microseconds since 1970-01-01T00:00:00Z
 * f64    celsius                    IEEE 754 binary64 bits (-0.0 is stored as +0.0)
 * u8     flags                      bit 0 humidity present, bit 1 battery present, bit 2 door present, bit 3 door open
 * [f32   humidity]                  IEEE 754 binary32 bits, %RH, if present
 * [f32   battery]                   IEEE 754 binary32 bits, %, if present
 * </pre>
 *
 * Leaves are ordered by (time, seq) in the tree.
 */
public final class ReadingLeaf {

    /** The encoding version byte. */
    public static final byte VERSION = 0x01;

    private static final int FLAG_HUMIDITY = 1;
    private static final int FLAG_BATTERY = 2;
    private static final int FLAG_DOOR = 4;
    private static final int FLAG_DOOR_OPEN = 8;

    private ReadingLeaf() {
    }

    /**
     * @param loggerId the logger
     * @param seq sequence number
     * @param timeMicros reading time in microseconds since the epoch
     * @param celsius temperature
     * @param humidity %RH or null
     * @param battery % or null
     * @param doorOpen door state or null
     * @return the leaf bytes
     */
    public static byte[] encode(final String loggerId, final long seq, final long timeMicros, final double celsius,
            final Float humidity, final Float battery, final Boolean doorOpen) {
        final byte[] id = Objects.requireNonNull(loggerId, "loggerId").getBytes(StandardCharsets.UTF_8);
        if (id.length > 0xFFFF) {
            throw new IllegalArgumentException("logger id longer than 65535 bytes");
        }
        final int size = 1 + 2 + id.length + 8 + 8 + 8 + 1 + (humidity != null ? 4 : 0) + (battery != null ? 4 : 0);
        final ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putShort((short) id.length).put(id).putLong(seq).putLong(timeMicros)
                .putDouble(celsius == 0.0 ? 0.0 : celsius);
        int flags = 0;
        if (humidity != null) {
            flags |= FLAG_HUMIDITY;
        }
        if (battery != null) {
            flags |= FLAG_BATTERY;
        }
        if (doorOpen != null) {
            flags |= FLAG_DOOR | (doorOpen ? FLAG_DOOR_OPEN : 0);
        }
        out.put((byte) flags);
        if (humidity != null) {
            out.putFloat(humidity);
        }
        if (battery != null) {
            out.putFloat(battery);
        }
        return out.array();
    }
}
