// SPDX-License-Identifier: Apache-2.0
package org.medtrace.network.fabric;

import java.util.List;
import java.util.Map;

/** Typed steps into a parsed YAML tree, failing with the path that was missing or of the wrong type. */
final class YamlPath {

    private YamlPath() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return (Map<String, Object>) at(node, Map.class, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        return (List<Object>) at(node, List.class, path);
    }

    static String string(Object node, String... path) {
        return String.valueOf(at(node, Object.class, path));
    }

    static Object at(Object node, Class<?> type, String... path) {
        Object current = node;
        StringBuilder walked = new StringBuilder();
        for (String step : path) {
            walked.append('/').append(step);
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                throw new AssertionError("no " + walked + " in the YAML");
            }
            current = map.get(step);
        }
        if (!type.isInstance(current)) {
            throw new AssertionError(walked + " is " + current + ", not a " + type.getSimpleName());
        }
        return current;
    }
}
