// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import java.util.Arrays;

/**
 * One logger's readings from one request, column by column (no object per reading: ingestion handles 100,000 a
 * second). Absent optional values are NaN (humidity, battery) or -1 (door).
 */
final class ReadingBatch {

    static final byte DOOR_ABSENT = -1;
    static final byte DOOR_CLOSED = 0;
    static final byte DOOR_OPEN = 1;

    private final String loggerId;
    private int size;
    private long[] seq;
    private long[] timeMicros;
    private double[] celsius;
    private float[] humidity;
    private float[] battery;
    private byte[] door;

    ReadingBatch(final String loggerId, final int capacity) {
        this.loggerId = loggerId;
        final int n = Math.max(capacity, 16);
        seq = new long[n];
        timeMicros = new long[n];
        celsius = new double[n];
        humidity = new float[n];
        battery = new float[n];
        door = new byte[n];
    }

    void add(final long s, final long t, final double c, final float h, final float b, final byte d) {
        if (size == seq.length) {
            final int n = size * 2;
            seq = Arrays.copyOf(seq, n);
            timeMicros = Arrays.copyOf(timeMicros, n);
            celsius = Arrays.copyOf(celsius, n);
            humidity = Arrays.copyOf(humidity, n);
            battery = Arrays.copyOf(battery, n);
            door = Arrays.copyOf(door, n);
        }
        seq[size] = s;
        timeMicros[size] = t;
        celsius[size] = c;
        humidity[size] = h;
        battery[size] = b;
        door[size] = d;
        size++;
    }

    String loggerId() {
        return loggerId;
    }

    int size() {
        return size;
    }

    long seq(final int i) {
        return seq[i];
    }

    long timeMicros(final int i) {
        return timeMicros[i];
    }

    double celsius(final int i) {
        return celsius[i];
    }

    float humidity(final int i) {
        return humidity[i];
    }

    float battery(final int i) {
        return battery[i];
    }

    byte door(final int i) {
        return door[i];
    }

    /** @return the positions ordered by sequence number */
    int[] bySeq() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = seq[i - 1] <= seq[i];
        }
        if (sorted) {
            final int[] identity = new int[size];
            for (int i = 0; i < size; i++) {
                identity[i] = i;
            }
            return identity;
        }
        final Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(seq[a], seq[b]));
        final int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
