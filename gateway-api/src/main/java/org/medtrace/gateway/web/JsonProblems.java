// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medtrace.gateway.errors.Problem;

/**
 * Says what is wrong with a JSON body in the caller's terms: the field (as {@code codes[2]} or
 * {@code herbal.origin.province}, {@code body} for the whole) and what it must be. Jackson's own messages name Java
 * types and classes; these never do.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * @param e what Jackson refused
     * @return the field and the reason
     */
    public static Problem.FieldError describe(final JsonProcessingException e) {
        if (e instanceof PropertyBindingException unknown) {
            return new Problem.FieldError(field(unknown), "is not a field of this request"
                    + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException) {
            return new Problem.FieldError(field((JsonMappingException) e), "is not a valid value");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        if (e instanceof JsonMappingException mapping) {
            return new Problem.FieldError(field(mapping), "is not a valid value");
        }
        if (e instanceof StreamConstraintsException) {
            return new Problem.FieldError("body", "exceeds a limit of the JSON reader: " + plain(e));
        }
        if (e instanceof StreamReadException read && plain(e).startsWith("Duplicate field")) {
            return new Problem.FieldError(field(read.getProcessor()), "appears twice; send each field once");
        }
        if (e instanceof StreamReadException read) {
            return new Problem.FieldError(field(read.getProcessor()), "malformed JSON" + at(read.getLocation()) + ": "
                    + plain(e));
        }
        return new Problem.FieldError("body", "malformed JSON");
    }

    private static Problem.FieldError mismatch(final MismatchedInputException e) {
        final String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        final String field = field(e);
        if (message.startsWith("Trailing token")) {
            return new Problem.FieldError("body", "content after the JSON value; send one JSON value");
        }
        if (message.startsWith("No content to map") || message.contains("end-of-input")) {
            return new Problem.FieldError(field, "the JSON body is empty or ends early");
        }
        if (message.contains("null") && e.getTargetType() != null && e.getTargetType().isPrimitive()) {
            return new Problem.FieldError(field, "is required and may not be null; it must be "
                    + expected(e.getTargetType()));
        }
        if (message.equals(StrictJson.YEARS_OUT_OF_RANGE)) {
            return new Problem.FieldError(field, "must lie in years 1..9999");
        }
        if (e instanceof InvalidFormatException && Temporal.class.isAssignableFrom(target(e))) {
            return new Problem.FieldError(field, "is not " + expected(target(e)));
        }
        return new Problem.FieldError(field, "must be " + expected(target(e)));
    }

    private static Class<?> target(final MismatchedInputException e) {
        return e.getTargetType() == null ? Object.class : e.getTargetType();
    }

    /** @return what a value of the type looks like in JSON */
    static String expected(final Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-23";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO-8601 date-time such as 2026-11-23T04:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** @return the field path of a mapping error, e.g. {@code codes[2]} */
    static String field(final JsonMappingException e) {
        final StringBuilder path = new StringBuilder();
        for (final JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /**
     * @param parser a parser, or null
     * @return the path of the parser's current value, e.g. {@code herbal.origin.province}; {@code body} at the root
     */
    public static String field(final Object parser) {
        if (!(parser instanceof JsonParser p)) {
            return "body";
        }
        return path(p.getParsingContext());
    }

    /** @return the path of a streaming context, e.g. {@code codes[2]} */
    static String path(final JsonStreamContext context) {
        final List<String> parts = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        final String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String known(final Collection<Object> names) {
        if (names == null || names.isEmpty() || names.size() > 40) {
            return "";
        }
        return " (known: " + new TreeSet<>(names.stream().map(Object::toString).toList()).stream()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String at(final JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's parse messages without the source excerpt, class names or settings advice. */
    private static String plain(final JsonProcessingException e) {
        final String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        final int advice = message.indexOf(" (for Object starting at");
        return (advice < 0 ? message : message.substring(0, advice))
                .replaceAll("\\(?`?\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$.]*`?\\)?", "")
                .replaceAll("\\s*\\(set [^)]*\\)|\\s*\\(through reference chain[^)]*\\)|\\s*; \\(?use [^)]*\\)?", "")
                .replaceAll("\\s+", " ").trim();
    }
}
