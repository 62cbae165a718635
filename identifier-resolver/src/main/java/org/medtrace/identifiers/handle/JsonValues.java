// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.InvalidIdentifierException;

/** Maps handle values to and from Jackson trees, strictly, naming the path of every error. */
final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static HandleValue readValue(final JsonNode node, final String path) {
        requireObject(node, path);
        int index = readInt(node.get("index"), path + ".index");
        String type = readText(node.get("type"), path + ".type");
        ValueData data = readData(node.get("data"), path + ".data");
        Ttl ttl = node.has("ttl") ? readTtl(node.get("ttl"), path + ".ttl") : Ttl.DEFAULT;
        Instant timestamp = node.has("timestamp") && !node.get("timestamp").isNull()
                ? readInstant(node.get("timestamp"), path + ".timestamp") : Instant.EPOCH;
        ValuePermissions permissions = node.has("permissions")
                ? readPermissions(node.get("permissions"), path + ".permissions") : ValuePermissions.DEFAULT;
        List<ValueReference> references = node.has("references") && !node.get("references").isNull()
                ? readReferences(node.get("references"), path + ".references") : List.of();
        return guard(path, () -> new HandleValue(index, type, data, ttl, timestamp, permissions, references));
    }

    private static ValuePermissions readPermissions(final JsonNode node, final String path) {
        String bits = readText(node, path);
        return guard(path, () -> ValuePermissions.fromBits(bits));
    }

    static ObjectNode writeValue(final HandleValue value) {
        ObjectNode node = NODES.objectNode();
        node.put("index", value.index());
        node.put("type", value.type());
        ObjectNode data = node.putObject("data");
        data.put("format", value.data().format());
        data.set("value", writeDataValue(value.data()));
        if (!value.permissions().equals(ValuePermissions.DEFAULT)) {
            node.put("permissions", value.permissions().toBits());
        }
        if (value.ttl() instanceof Ttl.Relative relative) {
            node.put("ttl", relative.seconds());
        } else {
            node.put("ttl", DateTimeFormatter.ISO_INSTANT.format(((Ttl.Absolute) value.ttl()).expiry()));
        }
        if (!value.timestamp().equals(Instant.EPOCH)) {
            node.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(value.timestamp()));
        }
        if (!value.references().isEmpty()) {
            node.set("references", writeReferences(value.references()));
        }
        return node;
    }

    private static ValueData readData(final JsonNode node, final String path) {
        if (node == null || node.isNull()) {
            throw new HandleJsonException(path, "is missing", null);
        }
        if (node.isTextual()) {
            return guard(path, () -> ValueData.text(node.textValue()));
        }
        requireObject(node, path);
        String format = readText(node.get("format"), path + ".format").toLowerCase(Locale.ROOT);
        JsonNode value = node.get("value");
        String valuePath = path + ".value";
        if (value == null) {
            throw new HandleJsonException(valuePath, "is missing", null);
        }
        return switch (format) {
            case "string" -> guard(valuePath, () -> ValueData.text(readText(value, valuePath)));
            case "base64" -> guard(valuePath, () -> new ValueData.Bytes(
                    Base64.getDecoder().decode(readText(value, valuePath).replaceAll("\\s", "")), false));
            case "hex" -> guard(valuePath, () -> new ValueData.Bytes(HexFormat.of().parseHex(readText(value, valuePath)),
                    true));
            case "admin" -> readAdmin(value, valuePath);
            case "vlist" -> guard(valuePath, () -> new ValueData.ValueList(readReferences(value, valuePath)));
            case "site" -> new ValueData.Site(JsonSites.read(value, valuePath));
            default -> guard(valuePath, () -> new ValueData.Opaque(format, value.toString()));
        };
    }

    private static JsonNode writeDataValue(final ValueData data) {
        if (data instanceof ValueData.Text text) {
            return NODES.textNode(text.value());
        }
        if (data instanceof ValueData.Bytes bytes) {
            return NODES.textNode(bytes.hex() ? HexFormat.of().formatHex(bytes.bytes())
                    : Base64.getEncoder().encodeToString(bytes.bytes()));
        }
        if (data instanceof ValueData.Admin admin) {
            ObjectNode node = NODES.objectNode();
            node.put("handle", admin.handle().toString());
            node.put("index", admin.index());
            node.put("permissions", admin.permissions());
            return node;
        }
        if (data instanceof ValueData.ValueList list) {
            return writeReferences(list.references());
        }
        if (data instanceof ValueData.Site site) {
            return JsonSites.write(site.site());
        }
        return JsonSites.parseRaw(((ValueData.Opaque) data).valueJson());
    }

    private static ValueData readAdmin(final JsonNode node, final String path) {
        requireObject(node, path);
        Identifier handle = readHandle(node.get("handle"), path + ".handle");
        int index = readInt(node.get("index"), path + ".index");
        JsonNode permissions = node.get("permissions");
        String bits;
        if (permissions == null || permissions.isNull()) {
            bits = "0".repeat(12);
        } else if (permissions.isBoolean()) {
            bits = (permissions.booleanValue() ? "1" : "0").repeat(12);
        } else {
            String text = readText(permissions, path + ".permissions");
            bits = text.equals("*") ? "1".repeat(12) : "0".repeat(Math.max(0, 12 - text.length())) + text;
        }
        return guard(path + ".permissions", () -> new ValueData.Admin(handle, index, bits));
    }

    private static List<ValueReference> readReferences(final JsonNode node, final String path) {
        if (node == null || !node.isArray()) {
            throw new HandleJsonException(path, "must be an array of {handle, index}", null);
        }
        List<ValueReference> references = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            requireObject(node.get(i), at);
            Identifier handle = readHandle(node.get(i).get("handle"), at + ".handle");
            int index = readInt(node.get(i).get("index"), at + ".index");
            references.add(guard(at, () -> new ValueReference(handle, index)));
        }
        return references;
    }

    private static ArrayNode writeReferences(final List<ValueReference> references) {
        ArrayNode array = NODES.arrayNode();
        for (ValueReference reference : references) {
            array.addObject().put("handle", reference.handle().toString()).put("index", reference.index());
        }
        return array;
    }

    private static Ttl readTtl(final JsonNode node, final String path) {
        if (node.isTextual()) {
            return new Ttl.Absolute(readInstant(node, path));
        }
        return guard(path, () -> Ttl.seconds(readInt(node, path)));
    }

    static Identifier readHandle(final JsonNode node, final String path) {
        String text = readText(node, path);
        try {
            return Identifier.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new HandleJsonException(path, "'" + text + "' is not a handle: " + e.getMessage(), e);
        }
    }

    static Instant readInstant(final JsonNode node, final String path) {
        String text = readText(node, path);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new HandleJsonException(path, "'" + text + "' is not an ISO-8601 time such as 2024-05-01T08:00:00Z",
                    e);
        }
    }

    static int readInt(final JsonNode node, final String path) {
        if (node == null || node.isNull()) {
            throw new HandleJsonException(path, "is missing", null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new HandleJsonException(path, "must be a whole number, got " + node, null);
        }
        return node.intValue();
    }

    static String readText(final JsonNode node, final String path) {
        if (node == null || node.isNull()) {
            throw new HandleJsonException(path, "is missing", null);
        }
        if (!node.isTextual()) {
            throw new HandleJsonException(path, "must be a string, got " + node.getNodeType(), null);
        }
        return node.textValue();
    }

    static boolean readBoolean(final JsonNode node, final String path) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new HandleJsonException(path, "must be true or false, got " + node, null);
        }
        return node.booleanValue();
    }

    static void requireObject(final JsonNode node, final String path) {
        if (node == null || !node.isObject()) {
            throw new HandleJsonException(path, "must be a JSON object", null);
        }
    }

    /** Runs a model constructor, turning its rule violations into errors that name the path. */
    static <T> T guard(final String path, final Supplier<T> build) {
        try {
            return build.get();
        } catch (HandleJsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new HandleJsonException(path, e.getMessage(), e);
        }
    }
}
