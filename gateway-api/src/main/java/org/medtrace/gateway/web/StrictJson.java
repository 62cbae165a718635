// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The gateway's JSON is strict, as the chaincode's is: a duplicate key, content after the JSON value, a number where
 * a string belongs (or a string where a number belongs), a fraction where an integer belongs, {@code null} for a
 * primitive and a number for an enum are refused, not coerced; dates and instants are ISO-8601 text in years
 * 1..9999. Unknown fields are refused too
 * ({@code quarkus.jackson.fail-on-unknown-properties}). The errors reach {@link ProblemMappers} as Jackson's
 * exceptions and are answered 400 naming the field ({@link JsonProblems}).
 *
 * <p>Text rules (valid UTF-8, no control characters) are the edge's: {@link JsonBodyCheck}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The message of a date outside years 1..9999 ({@link JsonProblems} words it for the caller). */
    static final String YEARS_OUT_OF_RANGE = "outside years 1..9999";

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the customizer's only way to reach it
    public void customize(final ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Dates and instants: ISO-8601 text only (no epoch numbers, no arrays), and no out-of-range fields.
        mapper.setDefaultLeniency(false);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("medtrace-strict-dates").setDeserializerModifier(new DatesAsText()));
    }

    /**
     * java.time values from ISO-8601 text only: Jackson's own deserializers also take epoch numbers and arrays such as
     * {@code [2026,11,23]}, whatever the leniency.
     */
    private static final class DatesAsText extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(final DeserializationConfig config, final BeanDescription bean,
                final JsonDeserializer<?> deserializer) {
            return bean.getBeanClass().getPackageName().equals("java.time") ? new TextOnly(deserializer)
                    : deserializer;
        }
    }

    /** Refuses every token but a string, then lets the wrapped deserializer read it. */
    private static final class TextOnly extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        TextOnly(final JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(final JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(final JsonParser p, final DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            final Object value = super.deserialize(p, ctxt);
            if (!inYears(value)) {
                throw InvalidFormatException.from(p, YEARS_OUT_OF_RANGE, p.getText(), handledType());
            }
            return value;
        }

        /** Years 1..9999: what ISO-8601 writes without expansion, and far inside PostgreSQL's range. */
        private static boolean inYears(final Object value) {
            final int year;
            if (value instanceof Instant instant) {
                year = instant.atOffset(ZoneOffset.UTC).getYear();
            } else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
                year = temporal.get(ChronoField.YEAR);
            } else {
                return true;
            }
            return year >= 1 && year <= 9999;
        }
    }

    /** A value of one of these shapes is not a value of that type. */
    private static void refuse(final ObjectMapper mapper, final LogicalType type, final CoercionInputShape... shapes) {
        for (final CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
