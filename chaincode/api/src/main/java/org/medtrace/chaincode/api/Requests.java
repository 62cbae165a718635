// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medtrace.chaincode.api.model.WireEnum;

/**
 * Reads a request (the one JSON argument of every transaction) into its record, refusing anything malformed with
 * INVALID_ARGUMENT, INVALID_IDENTIFIER or LIMIT_EXCEEDED and a message that names the field by its path. The chaincode
 * reads every request with it, and the gateway checks what it is about to submit with it, so both refuse the same
 * input with the same words.
 *
 * <pre>{@code
 * Requests.Parsed<ShipRequest> ship = Requests.read(json, ShipRequest.class, true);
 * ship.common().clientEventId(); ship.body().codes();
 * }</pre>
 */
public final class Requests {
    private Requests() {
    }

    /**
     * A parsed request.
     *
     * @param tree the request as given (common fields included)
     * @param common the common submit fields, or null for a read
     * @param body the typed, validated and normalised request
     * @param <T> the request record
     */
    public record Parsed<T>(ObjectNode tree, CommonFields common, T body) {
    }

    /**
     * @param json the request text
     * @param type the request record
     * @param withCommonFields whether the request carries the common submit fields
     * @param <T> the request record
     * @return the parsed request
     * @throws InvalidRequestException on any malformed input
     */
    public static <T> Parsed<T> read(final String json, final Class<T> type, final boolean withCommonFields) {
        return read(parseObject(json), type, withCommonFields);
    }

    /**
     * As {@link #read(String, Class, boolean)}, for a request already parsed with {@link #parseObject}.
     *
     * @param tree the request; not changed
     * @param type the request record
     * @param withCommonFields whether the request carries the common submit fields
     * @param <T> the request record
     * @return the parsed request
     * @throws InvalidRequestException on any invalid field
     */
    public static <T> Parsed<T> read(final ObjectNode tree, final Class<T> type, final boolean withCommonFields) {
        CommonFields common = null;
        ObjectNode own = tree;
        if (withCommonFields) {
            ObjectNode commonTree = Json.object();
            own = tree.deepCopy();
            for (String name : CommonFields.NAMES) {
                JsonNode value = own.remove(name);
                if (value != null) {
                    commonTree.set(name, value);
                }
            }
            common = bind(commonTree, CommonFields.class);
        }
        return new Parsed<>(tree, common, bind(own, type));
    }

    /**
     * Parses request text strictly: one JSON object, at most {@link Limits#REQUEST_BYTES_MAX} bytes, no duplicate
     * keys, no trailing content.
     *
     * @param json the request text
     * @return the object
     * @throws InvalidRequestException if it is not one
     */
    public static ObjectNode parseObject(final String json) {
        if (json == null) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "request", "a JSON object is required");
        }
        if (json.length() > Limits.REQUEST_BYTES_MAX || utf8Length(json) > Limits.REQUEST_BYTES_MAX) {
            throw new InvalidRequestException(ErrorCode.LIMIT_EXCEEDED, "request",
                    "larger than " + Limits.REQUEST_BYTES_MAX + " bytes");
        }
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e);
            if (duplicate != null) {
                throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, duplicate, "appears twice");
            }
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "request", "not valid JSON: " + words(e));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "request", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * Jackson's words without its class and feature names, which mean nothing to a caller (and must not reach one).
     */
    private static String words(final JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return "content follows the object";
        }
        return message.replaceAll("\\s*\\(bound as `[^`]*`\\)", "").replaceAll(":? ?not allowed as per `[^`]*`", "")
                .replaceAll("`[a-z]+(\\.[A-Za-z0-9_$]+)+`", "a value");
    }

    /** @return the path of the key a duplicate-key error is about ({@code outputs[0].batch.id}), or null */
    private static String duplicateKey(final JsonProcessingException e) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null
                || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        JsonParser parser = read.getProcessor();
        StringBuilder path = new StringBuilder();
        for (String step : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            String name = step.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static long utf8Length(final String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static <T> T bind(final ObjectNode tree, final Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw refusal(e);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "request", words(e));
        } catch (IllegalArgumentException e) {
            FieldProblem problem = problemIn(e);
            if (problem != null) {
                throw new InvalidRequestException(problem.code(), problem.field(), problem.getMessage());
            }
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, "request", String.valueOf(e.getMessage()));
        }
    }

    private static InvalidRequestException refusal(final JsonMappingException e) {
        String path = path(e.getPath());
        FieldProblem problem = problemIn(e);
        if (problem != null) {
            String field = path.isEmpty() ? problem.field() : path + "." + problem.field();
            return new InvalidRequestException(problem.code(), field, problem.getMessage());
        }
        String where = path.isEmpty() ? "request" : path;
        if (e instanceof UnrecognizedPropertyException) {
            return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where, "unknown field");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum() && WireEnum.class.isAssignableFrom(target)) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(c -> ((WireEnum) c).wire())
                        .collect(Collectors.joining(", "));
                return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where,
                        "'" + format.getValue() + "' is not one of " + allowed);
            }
            if (target == Instant.class || target == LocalDate.class) {
                return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where,
                        String.valueOf(format.getOriginalMessage()));
            }
            return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where, "must be " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where,
                    "must be " + describe(mismatch.getTargetType()));
        }
        return new InvalidRequestException(ErrorCode.INVALID_ARGUMENT, where, words(e));
    }

    private static FieldProblem problemIn(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FieldProblem problem) {
                return problem;
            }
        }
        return null;
    }

    private static String path(final List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(final Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant string";
        }
        if (type == LocalDate.class) {
            return "a date string YYYY-MM-DD";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type == JsonNode.class) {
            return "an object";
        }
        return "of another type";
    }
}
