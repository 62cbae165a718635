// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medtrace.identifiers.Identifier;

/**
 * A handle and its values.
 *
 * <pre>{@code
 * HandleRecord record = new HandleRecord(Identifier.parse("88.118.8866/81234560000012345678"),
 *         List.of(HandleValue.text(1, "URL", "https://trace.example.cn/units/81234560000012345678")));
 * record.value(1).get().textOrNull();
 * }</pre>
 *
 * @param handle the handle
 * @param values its values, in storage order, with unique indexes; empty only for a filtered view
 */
public record HandleRecord(Identifier handle, List<HandleValue> values) {
    /** Most values accepted in one record. */
    public static final int VALUES_MAX = 1_000;

    /**
     * Copies the values and checks their indexes are unique.
     *
     * @throws IllegalArgumentException if two values share an index or there are too many
     */
    public HandleRecord {
        Objects.requireNonNull(handle, "handle");
        values = List.copyOf(values);
        if (values.size() > VALUES_MAX) {
            throw new IllegalArgumentException("a handle record may hold at most " + VALUES_MAX + " values, got "
                    + values.size());
        }
        Set<Integer> seen = new HashSet<>();
        for (HandleValue value : values) {
            if (!seen.add(value.index())) {
                throw new IllegalArgumentException("handle " + handle + " has two values at index " + value.index());
            }
        }
    }

    /**
     * @param index a value index
     * @return the value at that index
     */
    public Optional<HandleValue> value(final int index) {
        return values.stream().filter(v -> v.index() == index).findFirst();
    }

    /**
     * @param typeQuery a type, possibly ending in "." to include subtypes (see {@link ValueFilter})
     * @return the values of that type, in record order
     */
    public List<HandleValue> valuesOfType(final String typeQuery) {
        return values.stream().filter(v -> ValueFilter.typeMatches(typeQuery, v.type())).toList();
    }

    /**
     * @param filter a filter
     * @return this record with only the selected values
     */
    public HandleRecord filter(final ValueFilter filter) {
        return filter.isAll() ? this : new HandleRecord(handle, filter.apply(values));
    }

    /**
     * @param fetchedAt when the record was fetched
     * @return until when every value may be served from a cache: the earliest expiry of any value; {@code fetchedAt}
     *     itself when a value has TTL 0 or the record is empty
     */
    public Instant expiresAt(final Instant fetchedAt) {
        Instant earliest = null;
        for (HandleValue value : values) {
            Instant expiry = value.ttl().expiresAt(fetchedAt);
            earliest = earliest == null || expiry.isBefore(earliest) ? expiry : earliest;
        }
        return earliest == null ? fetchedAt : earliest;
    }
}
