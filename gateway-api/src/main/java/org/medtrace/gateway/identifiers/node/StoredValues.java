// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleValue;

/**
 * How a record's values are kept: the Handle.Net REST JSON of the library's codec, values in index order, so that
 * equal records are equal text.
 */
public final class StoredValues {

    private static final HandleJsonCodec CODEC = HandleJsonCodec.create();

    private StoredValues() {
    }

    /**
     * @param record a record
     * @return its values as stored: {@code {"values":[...]}}, each value as the codec writes it, in index order
     */
    public static String encode(final HandleRecord record) {
        return encode(record, null);
    }

    /**
     * Equivalent to {@link #encode(HandleRecord)}, remembering the JSON of each value: the identifiers of one bulk
     * commissioning share all their values but the URL, so each shared value is written once.
     *
     * @param record a record
     * @param memo JSON by value, filled as values are written; null for none
     * @return its values as stored
     */
    public static String encode(final HandleRecord record, final Map<HandleValue, String> memo) {
        final StringBuilder json = new StringBuilder(256 * record.values().size()).append("{\"values\":[");
        String separator = "";
        for (final HandleValue value : inIndexOrder(record.values())) {
            json.append(separator).append(memo == null ? CODEC.writeValue(value)
                    : memo.computeIfAbsent(value, CODEC::writeValue));
            separator = ",";
        }
        return json.append("]}").toString();
    }

    /**
     * @param handle the handle
     * @param json what {@link #encode} wrote
     * @return the record
     * @throws IllegalStateException if the stored text is not a valid record (the database was edited by hand)
     */
    public static HandleRecord decode(final Identifier handle, final String json) {
        try {
            return new HandleRecord(handle, CODEC.readValues(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored values of " + handle + " are not valid: " + e.getMessage(), e);
        }
    }

    /**
     * @param values values
     * @return the same values sorted by index
     */
    public static List<HandleValue> inIndexOrder(final List<HandleValue> values) {
        final List<HandleValue> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(HandleValue::index));
        return sorted;
    }

    /**
     * Whether two records say the same: equal handles and, index by index, equal type, data, TTL, permissions and
     * references. Timestamps are the server's and do not count, so that a client's retry is recognised.
     *
     * @param a a record
     * @param b another
     * @return true if they have the same content
     */
    public static boolean sameContent(final HandleRecord a, final HandleRecord b) {
        if (!a.handle().equals(b.handle()) || a.values().size() != b.values().size()) {
            return false;
        }
        final List<HandleValue> left = inIndexOrder(a.values());
        final List<HandleValue> right = inIndexOrder(b.values());
        for (int i = 0; i < left.size(); i++) {
            if (!Objects.equals(left.get(i).withTimestamp(Instant.EPOCH), right.get(i).withTimestamp(Instant.EPOCH))) {
                return false;
            }
        }
        return true;
    }
}
