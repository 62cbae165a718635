// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One typed value of a handle record: {@code index}, {@code type}, {@code data}, {@code ttl}, {@code timestamp},
 * {@code permissions} and (rarely) {@code references}, as in Handle.Net REST JSON.
 *
 * <p>Index conventions: 1 URL; 100 HS_ADMIN; 300 HS_PUBKEY; 400 and up HS_CERT / HS_SIGNATURE; 1001 the IDIS
 * metadata template reference; 2000 and up business attributes (see {@link HandleTypes}).
 *
 * <pre>{@code
 * HandleValue url = HandleValue.text(1, "URL", "https://trace.example.cn/units/81234560000012345678");
 * }</pre>
 *
 * @param index 1 or more, unique within a record
 * @param type the type name, for example {@code URL} or {@code HS_SITE}
 * @param data the data
 * @param ttl how long it may be cached
 * @param timestamp when it was last changed, to the second; {@link Instant#EPOCH} when unknown
 * @param permissions who may read and write it
 * @param references value references, usually none
 */
public record HandleValue(int index, String type, ValueData data, Ttl ttl, Instant timestamp,
        ValuePermissions permissions, List<ValueReference> references) {
    /** Longest type name accepted, in UTF-8 bytes. */
    public static final int TYPE_BYTES_MAX = 255;
    /** Most references accepted on one value. */
    public static final int REFERENCES_MAX = 64;

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException if the index is below 1, the type empty, too long or with control
     *     characters, or there are too many references
     */
    public HandleValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(permissions, "permissions");
        references = List.copyOf(references);
        if (index < 1) {
            throw new IllegalArgumentException("value index must be 1 or more, got " + index);
        }
        checkType(type);
        if (references.size() > REFERENCES_MAX) {
            throw new IllegalArgumentException("a value may carry at most " + REFERENCES_MAX + " references");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * A text value with the default TTL and permissions and no timestamp.
     *
     * @param index 1 or more
     * @param type the type name
     * @param text the text
     * @return the value
     */
    public static HandleValue text(final int index, final String type, final String text) {
        return of(index, type, ValueData.text(text));
    }

    /**
     * A value with the default TTL and permissions and no timestamp.
     *
     * @param index 1 or more
     * @param type the type name
     * @param data the data
     * @return the value
     */
    public static HandleValue of(final int index, final String type, final ValueData data) {
        return new HandleValue(index, type, data, Ttl.DEFAULT, Instant.EPOCH, ValuePermissions.DEFAULT, List.of());
    }

    /**
     * @param newTtl the TTL
     * @return this value with another TTL
     */
    public HandleValue withTtl(final Ttl newTtl) {
        return new HandleValue(index, type, data, newTtl, timestamp, permissions, references);
    }

    /**
     * @param newTimestamp the timestamp
     * @return this value with another timestamp
     */
    public HandleValue withTimestamp(final Instant newTimestamp) {
        return new HandleValue(index, type, data, ttl, newTimestamp, permissions, references);
    }

    /**
     * @param newPermissions the permissions
     * @return this value with other permissions
     */
    public HandleValue withPermissions(final ValuePermissions newPermissions) {
        return new HandleValue(index, type, data, ttl, timestamp, newPermissions, references);
    }

    /** @return the text of a {@code string} value, or null for other formats */
    public String textOrNull() {
        return data instanceof ValueData.Text text ? text.value() : null;
    }

    private static void checkType(final String type) {
        if (type.isEmpty()) {
            throw new IllegalArgumentException("value type must not be empty");
        }
        if (type.getBytes(StandardCharsets.UTF_8).length > TYPE_BYTES_MAX) {
            throw new IllegalArgumentException("value type is longer than " + TYPE_BYTES_MAX + " UTF-8 bytes");
        }
        for (int i = 0; i < type.length(); i++) {
            if (Character.isISOControl(type.charAt(i)) || Character.isWhitespace(type.charAt(i))) {
                throw new IllegalArgumentException("value type '" + type + "' contains a control or space character");
            }
        }
    }
}
