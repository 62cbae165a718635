// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code index} and {@code type} query filters of the Handle.Net REST API. A value is selected when its index is
 * one of the indexes <em>or</em> its type matches one of the types; no filter at all selects every value. Types
 * compare case-insensitively; a type ending in "." also selects its period-delimited subtypes and the type itself
 * ({@code HS_SITE.} selects {@code HS_SITE} and {@code HS_SITE.PREFIX}).
 *
 * <pre>{@code
 * ValueFilter filter = ValueFilter.fromQuery(List.of("1"), List.of("HS_SITE."));
 * filter.toQueryString();   // "index=1&type=HS_SITE."
 * }</pre>
 */
public final class ValueFilter {
    /** Most index and type parameters accepted, together. */
    public static final int PARAMETERS_MAX = 64;

    private static final ValueFilter ALL = new ValueFilter(Set.of(), List.of());

    private final Set<Integer> indexes;
    private final List<String> types;

    private ValueFilter(final Set<Integer> indexes, final List<String> types) {
        this.indexes = indexes;
        this.types = types;
    }

    /** @return the filter that selects every value */
    public static ValueFilter all() {
        return ALL;
    }

    /**
     * @param indexes value indexes, each 1 or more
     * @param types value types, each non-empty
     * @return the filter
     * @throws IllegalArgumentException if an index is below 1, a type is empty or there are too many
     */
    public static ValueFilter of(final Collection<Integer> indexes, final Collection<String> types) {
        Objects.requireNonNull(indexes, "indexes");
        Objects.requireNonNull(types, "types");
        if (indexes.size() + types.size() > PARAMETERS_MAX) {
            throw new IllegalArgumentException("at most " + PARAMETERS_MAX + " index and type filters are accepted");
        }
        for (Integer index : indexes) {
            if (index == null || index < 1) {
                throw new IllegalArgumentException("index filter must be 1 or more, got " + index);
            }
        }
        for (String type : types) {
            if (type == null || type.isEmpty() || type.equals(".")) {
                throw new IllegalArgumentException("type filter must not be empty");
            }
        }
        if (indexes.isEmpty() && types.isEmpty()) {
            return ALL;
        }
        return new ValueFilter(Set.copyOf(new LinkedHashSet<>(indexes)), List.copyOf(types));
    }

    /**
     * Reads the repeated {@code index} and {@code type} query parameters of a REST request.
     *
     * @param indexParameters the {@code index} values, as text
     * @param typeParameters the {@code type} values
     * @return the filter
     * @throws IllegalArgumentException naming the parameter that is not valid
     */
    public static ValueFilter fromQuery(final List<String> indexParameters, final List<String> typeParameters) {
        List<Integer> indexes = new ArrayList<>();
        for (String text : indexParameters) {
            try {
                indexes.add(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("index filter '" + text + "' is not a number", e);
            }
        }
        return of(indexes, typeParameters);
    }

    /** @return true if this filter selects every value */
    public boolean isAll() {
        return indexes.isEmpty() && types.isEmpty();
    }

    /** @return the index filters */
    public Set<Integer> indexes() {
        return indexes;
    }

    /** @return the type filters */
    public List<String> types() {
        return types;
    }

    /**
     * @param value a value
     * @return true if the filter selects it
     */
    public boolean matches(final HandleValue value) {
        if (isAll() || indexes.contains(value.index())) {
            return true;
        }
        for (String type : types) {
            if (typeMatches(type, value.type())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type rule on its own.
     *
     * @param query a type filter, possibly ending in "."
     * @param type a value's type
     * @return true if {@code query} selects {@code type}
     */
    public static boolean typeMatches(final String query, final String type) {
        if (!query.endsWith(".")) {
            return query.equalsIgnoreCase(type);
        }
        String parent = query.substring(0, query.length() - 1);
        return type.equalsIgnoreCase(parent) || type.toUpperCase(Locale.ROOT).startsWith(query.toUpperCase(Locale.ROOT));
    }

    /**
     * @param values values, in record order
     * @return the selected values, in the same order
     */
    public List<HandleValue> apply(final List<HandleValue> values) {
        return isAll() ? values : values.stream().filter(this::matches).toList();
    }

    /** @return {@code index=..&type=..}, percent-encoded; empty for {@link #all()} */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        indexes.stream().sorted().forEach(i -> parts.add("index=" + i));
        types.forEach(t -> parts.add("type=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ValueFilter other && indexes.equals(other.indexes) && types.equals(other.types);
    }

    @Override
    public int hashCode() {
        return 31 * indexes.hashCode() + types.hashCode();
    }

    @Override
    public String toString() {
        return isAll() ? "all values" : toQueryString();
    }
}
