// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Maps HS_SITE data (format {@code site}) to and from Jackson trees, with the field names Handle.Net uses. */
final class JsonSites {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper RAW = new ObjectMapper();

    private JsonSites() {
    }

    static SiteInfo read(final JsonNode node, final String path) {
        JsonValues.requireObject(node, path);
        int version = node.has("version") ? JsonValues.readInt(node.get("version"), path + ".version") : 1;
        String protocol = node.has("protocolVersion")
                ? JsonValues.readText(node.get("protocolVersion"), path + ".protocolVersion") : "2.10";
        int serial = node.has("serialNumber") ? JsonValues.readInt(node.get("serialNumber"), path + ".serialNumber") : 1;
        OptionalInt hashOption = node.has("hashOption")
                ? OptionalInt.of(JsonValues.readInt(node.get("hashOption"), path + ".hashOption")) : OptionalInt.empty();
        Optional<String> hashFilter = node.has("hashFilter")
                ? Optional.of(JsonValues.readText(node.get("hashFilter"), path + ".hashFilter")) : Optional.empty();
        List<SiteInfo.Attribute> attributes = new ArrayList<>();
        JsonNode attributeNodes = node.get("attributes");
        if (attributeNodes != null && !attributeNodes.isNull()) {
            requireArray(attributeNodes, path + ".attributes");
            for (int i = 0; i < attributeNodes.size(); i++) {
                String at = path + ".attributes[" + i + "]";
                JsonValues.requireObject(attributeNodes.get(i), at);
                attributes.add(new SiteInfo.Attribute(JsonValues.readText(attributeNodes.get(i).get("name"), at + ".name"),
                        JsonValues.readText(attributeNodes.get(i).get("value"), at + ".value")));
            }
        }
        JsonNode serverNodes = node.get("servers");
        requireArray(serverNodes, path + ".servers");
        List<SiteInfo.Server> servers = new ArrayList<>();
        for (int i = 0; i < serverNodes.size(); i++) {
            servers.add(readServer(serverNodes.get(i), path + ".servers[" + i + "]"));
        }
        return JsonValues.guard(path, () -> new SiteInfo(version, protocol, serial,
                JsonValues.readBoolean(node.get("primarySite"), path + ".primarySite"),
                JsonValues.readBoolean(node.get("multiPrimary"), path + ".multiPrimary"), hashOption, hashFilter,
                attributes, servers));
    }

    private static SiteInfo.Server readServer(final JsonNode node, final String path) {
        JsonValues.requireObject(node, path);
        int serverId = node.has("serverId") ? JsonValues.readInt(node.get("serverId"), path + ".serverId") : 1;
        String address = JsonValues.readText(node.get("address"), path + ".address");
        JsonNode key = node.get("publicKey");
        Optional<String> publicKey = key == null || key.isNull() ? Optional.empty() : Optional.of(key.toString());
        JsonNode interfaceNodes = node.get("interfaces");
        requireArray(interfaceNodes, path + ".interfaces");
        List<SiteInfo.Interface> interfaces = new ArrayList<>();
        for (int i = 0; i < interfaceNodes.size(); i++) {
            String at = path + ".interfaces[" + i + "]";
            JsonNode item = interfaceNodes.get(i);
            JsonValues.requireObject(item, at);
            JsonNode protocolNode = item.get("protocol");
            String protocol = protocolNode != null && protocolNode.isIntegralNumber()
                    ? protocolNode.asText() : JsonValues.readText(protocolNode, at + ".protocol");
            int port = JsonValues.readInt(item.get("port"), at + ".port");
            interfaces.add(JsonValues.guard(at, () -> new SiteInfo.Interface(
                    JsonValues.readBoolean(item.get("query"), at + ".query"),
                    JsonValues.readBoolean(item.get("admin"), at + ".admin"), protocol, port)));
        }
        return JsonValues.guard(path, () -> new SiteInfo.Server(serverId, address, publicKey, interfaces));
    }

    static ObjectNode write(final SiteInfo site) {
        ObjectNode node = NODES.objectNode();
        node.put("version", site.version());
        node.put("protocolVersion", site.protocolVersion());
        node.put("serialNumber", site.serialNumber());
        node.put("primarySite", site.primarySite());
        node.put("multiPrimary", site.multiPrimary());
        site.hashOption().ifPresent(option -> node.put("hashOption", option));
        site.hashFilter().ifPresent(filter -> node.put("hashFilter", filter));
        ArrayNode attributes = node.putArray("attributes");
        site.attributes().forEach(a -> attributes.addObject().put("name", a.name()).put("value", a.value()));
        ArrayNode servers = node.putArray("servers");
        for (SiteInfo.Server server : site.servers()) {
            ObjectNode serverNode = servers.addObject();
            serverNode.put("serverId", server.serverId());
            serverNode.put("address", server.address());
            server.publicKeyJson().ifPresent(key -> serverNode.set("publicKey", parseRaw(key)));
            ArrayNode interfaces = serverNode.putArray("interfaces");
            for (SiteInfo.Interface item : server.interfaces()) {
                interfaces.addObject().put("query", item.query()).put("admin", item.admin())
                        .put("protocol", item.protocol()).put("port", item.port());
            }
        }
        return node;
    }

    /** Parses JSON text kept verbatim in the model (opaque data, public keys). */
    static JsonNode parseRaw(final String json) {
        try {
            return RAW.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("kept JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireArray(final JsonNode node, final String path) {
        if (node == null || !node.isArray()) {
            throw new HandleJsonException(path, "must be a JSON array", null);
        }
    }
}
