// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.medtrace.identifiers.Identifier;

/**
 * The {@code data} of a handle value, by its REST JSON {@code format}: {@code string}, {@code base64} or {@code hex}
 * (bytes), {@code admin} (HS_ADMIN), {@code vlist} (HS_VLIST), {@code site} (HS_SITE); any other format, such as
 * {@code key}, is kept verbatim as JSON.
 */
public sealed interface ValueData permits ValueData.Text, ValueData.Bytes, ValueData.Admin, ValueData.ValueList,
        ValueData.Site, ValueData.Opaque {
    /** Largest data accepted: characters of text, bytes of binary data, characters of opaque JSON. */
    int SIZE_MAX = 65_536;

    /** @return the REST JSON format name */
    String format();

    /**
     * @param text UTF-8 text
     * @return string data
     */
    static ValueData text(final String text) {
        return new Text(text);
    }

    /**
     * Text data, format {@code string}.
     *
     * @param value the text
     */
    record Text(String value) implements ValueData {
        /** @throws IllegalArgumentException if longer than {@link #SIZE_MAX} */
        public Text {
            Objects.requireNonNull(value, "value");
            checkSize(value.length(), "string");
        }

        @Override
        public String format() {
            return "string";
        }
    }

    /**
     * Binary data, format {@code base64} or {@code hex}.
     *
     * @param bytes the data (copied)
     * @param hex true to write it as hex, false for base64
     */
    record Bytes(byte[] bytes, boolean hex) implements ValueData {
        /** Copies the bytes. */
        public Bytes {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
            checkSize(bytes.length, "binary");
        }

        /** @return a copy of the bytes */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String format() {
            return hex ? "hex" : "base64";
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Bytes other && hex == other.hex && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return format() + ":" + (hex ? HexFormat.of().formatHex(bytes) : new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * HS_ADMIN data, format {@code admin}: who administers the handle.
     *
     * @param handle the administrator's handle, for example {@code 0.NA/88.118.8866}
     * @param index the index of the administrator's key value
     * @param permissions twelve bits {@code 0}/{@code 1}, as Handle writes them
     */
    record Admin(Identifier handle, int index, String permissions) implements ValueData {
        /** @throws IllegalArgumentException if the permissions are not twelve bits */
        public Admin {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(permissions, "permissions");
            if (!permissions.matches("[01]{12}")) {
                throw new IllegalArgumentException("admin permissions must be twelve bits 0/1, got '" + permissions
                        + "'");
            }
        }

        @Override
        public String format() {
            return "admin";
        }
    }

    /**
     * HS_VLIST data, format {@code vlist}: a list of value references.
     *
     * @param references the references
     */
    record ValueList(List<ValueReference> references) implements ValueData {
        /** Copies the list. */
        public ValueList {
            references = List.copyOf(references);
            checkSize(references.size(), "vlist");
        }

        @Override
        public String format() {
            return "vlist";
        }
    }

    /**
     * HS_SITE data, format {@code site}.
     *
     * @param site the site
     */
    record Site(SiteInfo site) implements ValueData {
        /** @throws NullPointerException if {@code site} is null */
        public Site {
            Objects.requireNonNull(site, "site");
        }

        @Override
        public String format() {
            return "site";
        }
    }

    /**
     * Data of another format, kept as the JSON text of its {@code value}.
     *
     * @param format the format name
     * @param valueJson the JSON of the {@code value} member
     */
    record Opaque(String format, String valueJson) implements ValueData {
        /** @throws IllegalArgumentException if the JSON is longer than {@link #SIZE_MAX} */
        public Opaque {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(valueJson, "valueJson");
            checkSize(valueJson.length(), format);
        }
    }

    private static void checkSize(final int size, final String what) {
        if (size > SIZE_MAX) {
            throw new IllegalArgumentException(what + " data is " + size + " long, at most " + SIZE_MAX
                    + " is accepted");
        }
    }
}
