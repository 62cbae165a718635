// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds request JSON in tests: {@code Json.obj("id", "88.1/x", "codes", List.of(...))}. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @return an object of alternating keys and values (String, Number, Boolean, List, Map, JsonNode, null) */
    public static ObjectNode obj(final Object... keysAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    /** @return the map as a JSON object */
    public static ObjectNode obj(final java.util.Map<String, ?> map) {
        return MAPPER.valueToTree(map);
    }

    /** @return {@code node} plus one more field */
    public static ObjectNode with(final ObjectNode node, final String key, final Object value) {
        ObjectNode copy = node.deepCopy();
        copy.set(key, MAPPER.valueToTree(value));
        return copy;
    }

    /** @return {@code node} without a field */
    public static ObjectNode without(final ObjectNode node, final String key) {
        ObjectNode copy = node.deepCopy();
        copy.remove(key);
        return copy;
    }

    /** @return the JSON text parsed */
    public static JsonNode parse(final byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    /** @return the list */
    public static List<Object> list(final Object... values) {
        return List.of(values);
    }
}
