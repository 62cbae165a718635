// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one JSON codec of the chaincode, for requests, responses, world state and events. Output is deterministic:
 * keys sorted, no white space, nulls omitted, decimals plain, instants {@code 2026-11-23T04:00:00.000Z}, dates
 * {@code 2026-11-23}. Input is strict: unknown fields, duplicate keys, trailing tokens and type coercions (a number
 * where a string belongs, or the reverse) are refused.
 */
public final class Json {
    /** Earliest instant accepted: keys that embed instants stay fixed-width and sort by time. */
    static final Instant INSTANT_MIN = Instant.parse("2000-01-01T00:00:00Z");
    /** Latest instant accepted (exclusive). */
    static final Instant INSTANT_MAX = Instant.parse("2200-01-01T00:00:00Z");
    private static final LocalDate DATE_MIN = LocalDate.of(1900, 1, 1);
    private static final LocalDate DATE_MAX = LocalDate.of(2199, 12, 31);
    private static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final int NESTING_DEPTH_MAX = 32;

    private static final JsonMapper MAPPER = build();

    private Json() {
    }

    private static JsonMapper build() {
        SimpleModule time = new SimpleModule("medtrace-time");
        time.addSerializer(Instant.class, new InstantSerializer());
        time.addDeserializer(Instant.class, new InstantDeserializer());
        time.addSerializer(LocalDate.class, new DateSerializer());
        time.addDeserializer(LocalDate.class, new DateDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.USE_DEFAULTS))
                .addModule(time)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(NESTING_DEPTH_MAX).build());
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer
                            || type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    /** @return the strict, deterministic mapper (thread-safe) */
    static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * @param value a record, list, map or tree
     * @return its deterministic JSON in UTF-8
     */
    public static byte[] bytes(final Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** @return the deterministic JSON text of {@code value} */
    public static String text(final Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /** @return {@code value} as a JSON tree */
    public static ObjectNode tree(final Object value) {
        return MAPPER.valueToTree(value);
    }

    /** @return {@code value} (a record, list, map or scalar) as a JSON tree */
    public static JsonNode node(final Object value) {
        return MAPPER.valueToTree(value);
    }

    /** @return a new empty JSON object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Decodes world state written by this chaincode.
     *
     * @throws IllegalStateException if the bytes are not a valid record (state written by something else)
     */
    public static <T> T read(final byte[] json, final Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("world state is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the tree parsed from JSON text (strict) */
    static JsonNode parse(final String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** @return the instant in the ledger's fixed format, {@code 2026-11-23T04:00:00.000Z} */
    public static String instant(final Instant instant) {
        return INSTANT_FORMAT.format(instant);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(final Instant value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            gen.writeString(INSTANT_FORMAT.format(value));
        }
    }

    private static final class DateSerializer extends JsonSerializer<LocalDate> {
        @Override
        public void serialize(final LocalDate value, final JsonGenerator gen, final SerializerProvider provider)
                throws IOException {
            gen.writeString(DATE_FORMAT.format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(final JsonParser p, final DeserializationContext ctxt) throws IOException {
            String text = expectString(p, ctxt, Instant.class);
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "'" + shorten(text)
                        + "' is not an ISO-8601 instant with offset, e.g. 2026-11-23T12:00:00.000+08:00", text,
                        Instant.class);
            }
            if (instant.isBefore(INSTANT_MIN) || !instant.isBefore(INSTANT_MAX)) {
                throw InvalidFormatException.from(p, "'" + text + "' is outside 2000-01-01..2199-12-31", text,
                        Instant.class);
            }
            return instant.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(final JsonParser p, final DeserializationContext ctxt) throws IOException {
            String text = expectString(p, ctxt, LocalDate.class);
            LocalDate date;
            try {
                date = LocalDate.parse(text, DATE_FORMAT);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "'" + shorten(text) + "' is not a date YYYY-MM-DD", text,
                        LocalDate.class);
            }
            if (date.isBefore(DATE_MIN) || date.isAfter(DATE_MAX)) {
                throw InvalidFormatException.from(p, "'" + text + "' is outside 1900-01-01..2199-12-31", text,
                        LocalDate.class);
            }
            return date;
        }
    }

    private static String expectString(final JsonParser p, final DeserializationContext ctxt, final Class<?> type)
            throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(type, p);
        }
        return p.getText();
    }

    private static String shorten(final String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
