// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Handle.Net REST JSON codec: response bodies, request bodies and single values. Reading is strict (duplicate
 * keys, wrong types, broken model rules are errors naming their path) but tolerant where Handle.Net is (a bare
 * string as {@code data}, unknown members ignored, unknown formats kept verbatim). A node reads what it is asked
 * to store with {@link #readRequestValues}, which is not tolerant.
 *
 * <pre>{@code
 * HandleJsonCodec codec = HandleJsonCodec.create();
 * byte[] body = codec.writeResponse(HandleResponse.of(record));
 * HandleResponse back = codec.readResponse(body);
 * }</pre>
 *
 * <p>Thread-safe. The gateway can instead register {@link #jacksonModule()} on its own {@code ObjectMapper} and use
 * {@link HandleValue} and {@link HandleResponse} directly in REST resources.
 */
public final class HandleJsonCodec {
    private final ObjectMapper mapper;

    private HandleJsonCodec(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return a codec with its own strict mapper */
    public static HandleJsonCodec create() {
        return new HandleJsonCodec(JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build());
    }

    /**
     * @return a Jackson module with serializers and deserializers for {@link HandleValue} and
     *     {@link HandleResponse}; deserialization errors surface as {@link JsonMappingException}
     */
    public static Module jacksonModule() {
        SimpleModule module = new SimpleModule("medtrace-handle");
        module.addSerializer(HandleValue.class, new JsonSerializer<>() {
            @Override
            public void serialize(final HandleValue value, final JsonGenerator gen, final SerializerProvider provider)
                    throws IOException {
                gen.writeTree(JsonValues.writeValue(value));
            }
        });
        module.addDeserializer(HandleValue.class, new JsonDeserializer<>() {
            @Override
            public HandleValue deserialize(final JsonParser parser, final DeserializationContext context)
                    throws IOException {
                JsonNode node = parser.readValueAsTree();
                try {
                    return JsonValues.readValue(node, "$");
                } catch (HandleJsonException e) {
                    throw JsonMappingException.from(parser, e.getMessage(), e);
                }
            }
        });
        module.addSerializer(HandleResponse.class, new JsonSerializer<>() {
            @Override
            public void serialize(final HandleResponse value, final JsonGenerator gen,
                    final SerializerProvider provider) throws IOException {
                gen.writeTree(responseTree(value));
            }
        });
        return module;
    }

    /**
     * @param response a response
     * @return its UTF-8 JSON
     */
    public byte[] writeResponse(final HandleResponse response) {
        return bytes(responseTree(Objects.requireNonNull(response, "response")));
    }

    /**
     * @param json a response body
     * @return the response
     * @throws HandleJsonException naming the path, if the body is not a valid response
     */
    public HandleResponse readResponse(final byte[] json) {
        JsonNode node = tree(json);
        JsonValues.requireObject(node, "$");
        int code = JsonValues.readInt(node.get("responseCode"), "$.responseCode");
        Optional<String> handle = optionalText(node, "handle");
        Optional<String> message = optionalText(node, "message");
        JsonNode valueNodes = node.get("values");
        List<HandleValue> values = valueNodes == null || valueNodes.isNull() ? List.of() : readValueArray(valueNodes,
                "$.values");
        return new HandleResponse(code, handle, values, message);
    }

    /**
     * @param values values to PUT
     * @return {@code {"values":[...]}} as UTF-8 JSON
     */
    public byte[] writeValues(final List<HandleValue> values) {
        ObjectNode node = mapper.createObjectNode();
        node.set("values", valueArray(values));
        return bytes(node);
    }

    /**
     * Reads a PUT body: an array of values, an object with a {@code values} array, or a single value.
     *
     * @param json the body
     * @return the values
     * @throws HandleJsonException naming the path, if the body is not valid
     */
    public List<HandleValue> readValues(final byte[] json) {
        return readValues(tree(json), false);
    }

    /**
     * Reads a request body as the node that stores it does: as {@link #readValues(byte[])}, but strict where that is
     * tolerant: the body holds at least one value, and every value's {@code data} is an object
     * {@code {"format": ..., "value": ...}} (not a bare string).
     *
     * @param json the body, or the {@code values} member of a batch registration
     * @return the values, at least one
     * @throws HandleJsonException naming the path, if the body is not valid
     */
    public List<HandleValue> readRequestValues(final byte[] json) {
        return readValues(tree(json), true);
    }

    private static List<HandleValue> readValues(final JsonNode node, final boolean request) {
        final String path;
        final JsonNode values;
        if (node.isArray()) {
            path = "$";
            values = node;
        } else {
            JsonValues.requireObject(node, "$");
            if (!node.has("values")) {
                if (request) {
                    requireDataObject(node, "$");
                }
                return List.of(JsonValues.readValue(node, "$"));
            }
            path = "$.values";
            values = node.get("values");
        }
        if (request && values.isArray()) {
            if (values.isEmpty()) {
                throw new HandleJsonException(path, "holds no value; a handle has at least one", null);
            }
            for (int i = 0; i < values.size(); i++) {
                requireDataObject(values.get(i), path + "[" + i + "]");
            }
        }
        return readValueArray(values, path);
    }

    private static void requireDataObject(final JsonNode value, final String path) {
        if (value.path("data").isTextual()) {
            throw new HandleJsonException(path + ".data", "must be an object {\"format\": \"string\", \"value\": ...}",
                    null);
        }
    }

    /**
     * @param value a value
     * @return its JSON
     */
    public String writeValue(final HandleValue value) {
        return JsonValues.writeValue(value).toString();
    }

    /**
     * @param json one value's JSON
     * @return the value
     * @throws HandleJsonException naming the path, if the JSON is not a valid value
     */
    public HandleValue readValue(final String json) {
        return JsonValues.readValue(tree(json.getBytes(StandardCharsets.UTF_8)), "$");
    }

    private static ObjectNode responseTree(final HandleResponse response) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("responseCode", response.responseCode());
        response.handle().ifPresent(h -> node.put("handle", h));
        if (!response.values().isEmpty() || response.responseCode() == HandleResponseCode.SUCCESS.code()) {
            node.set("values", valueArray(response.values()));
        }
        response.message().ifPresent(m -> node.put("message", m));
        return node;
    }

    private static ArrayNode valueArray(final List<HandleValue> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> array.add(JsonValues.writeValue(v)));
        return array;
    }

    private static List<HandleValue> readValueArray(final JsonNode node, final String path) {
        if (!node.isArray()) {
            throw new HandleJsonException(path, "must be a JSON array of values", null);
        }
        if (node.size() > HandleRecord.VALUES_MAX) {
            throw new HandleJsonException(path, "holds " + node.size() + " values, at most " + HandleRecord.VALUES_MAX
                    + " are accepted", null);
        }
        List<HandleValue> values = new ArrayList<>(node.size());
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            HandleValue value = JsonValues.readValue(node.get(i), path + "[" + i + "]");
            if (!indexes.add(value.index())) {
                throw new HandleJsonException(path + "[" + i + "].index", "index " + value.index()
                        + " appears twice", null);
            }
            values.add(value);
        }
        return values;
    }

    private static Optional<String> optionalText(final JsonNode node, final String name) {
        JsonNode member = node.get(name);
        return member == null || member.isNull() ? Optional.empty()
                : Optional.of(JsonValues.readText(member, "$." + name));
    }

    private JsonNode tree(final byte[] json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new HandleJsonException("$", "body is empty", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HandleJsonException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HandleJsonException("$", "unreadable: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(final JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
