// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Typed, read-only access to one EPCIS-shaped ledger event (docs/chaincode-api.md, "Events"). */
final class EpcisEvent {

    private final JsonNode json;
    private final JsonNode medtrace;

    EpcisEvent(final JsonNode json) {
        this.json = Objects.requireNonNull(json, "json");
        this.medtrace = json.path("medtrace");
        if (text("eventID").isEmpty() || text("type").isEmpty() || text("eventTime").isEmpty()) {
            throw new IllegalArgumentException("event without eventID, type or eventTime: " + abbreviate(json));
        }
    }

    JsonNode json() {
        return json;
    }

    String eventId() {
        return json.path("eventID").asText();
    }

    String type() {
        return json.path("type").asText();
    }

    Optional<String> action() {
        return text("action");
    }

    Optional<String> bizStep() {
        return text("bizStep");
    }

    Optional<String> disposition() {
        return text("disposition");
    }

    Instant eventTime() {
        return Instant.parse(json.path("eventTime").asText());
    }

    Optional<Instant> recordTime() {
        return text("recordTime").map(Instant::parse);
    }

    Optional<String> transaction() {
        return textOf(medtrace, "transaction");
    }

    Optional<String> actorMsp() {
        return textOf(medtrace, "actorMsp");
    }

    Optional<String> actorRole() {
        return textOf(medtrace, "actorRole");
    }

    Optional<String> shipmentId() {
        return textOf(medtrace, "shipmentId");
    }

    Optional<String> recallId() {
        return textOf(medtrace, "recallId");
    }

    Optional<String> holdId() {
        return textOf(medtrace, "holdId");
    }

    Optional<String> reason() {
        return textOf(medtrace, "reason");
    }

    Optional<String> transformationId() {
        return text("transformationID");
    }

    JsonNode details() {
        return medtrace.path("details");
    }

    JsonNode ilmd() {
        return json.path("ilmd");
    }

    List<String> productIds() {
        return strings(medtrace.path("productIds"));
    }

    List<String> batchIds() {
        final Set<String> ids = new LinkedHashSet<>(strings(medtrace.path("batchIds")));
        for (final JsonNode quantity : json.path("quantityList")) {
            textOf(quantity, "epcClass").ifPresent(ids::add);
        }
        return List.copyOf(ids);
    }

    List<String> epcList() {
        return strings(json.path("epcList"));
    }

    Optional<String> parentId() {
        return text("parentID");
    }

    List<String> childEpcs() {
        return strings(json.path("childEPCs"));
    }

    List<String> inputEpcs() {
        return strings(json.path("inputEPCList"));
    }

    List<String> outputEpcs() {
        return strings(json.path("outputEPCList"));
    }

    JsonNode quantityList() {
        return json.path("quantityList");
    }

    JsonNode inputQuantities() {
        return json.path("inputQuantityList");
    }

    JsonNode outputQuantities() {
        return json.path("outputQuantityList");
    }

    /** Every code the event names itself: epcList, parent, children, inputs and outputs. */
    List<String> namedCodes() {
        final Set<String> codes = new LinkedHashSet<>(epcList());
        parentId().ifPresent(codes::add);
        codes.addAll(childEpcs());
        codes.addAll(inputEpcs());
        codes.addAll(outputEpcs());
        return List.copyOf(codes);
    }

    /**
     * Codes named by the event that do not stand for their contents: the parent of an aggregation event (packing or
     * unpacking some children does not concern the parent's other children).
     */
    List<String> unexpandedCodes() {
        return "AggregationEvent".equals(type()) ? parentId().map(List::of).orElse(List.of()) : List.of();
    }

    Optional<String> sourceParty() {
        return party(json.path("sourceList"), "source");
    }

    Optional<String> destinationParty() {
        return party(json.path("destinationList"), "destination");
    }

    Optional<String> readPoint() {
        return textOf(json.path("readPoint"), "id");
    }

    Optional<String> bizLocation() {
        return textOf(json.path("bizLocation"), "id");
    }

    JsonNode sensorElements() {
        return json.path("sensorElementList");
    }

    /** A text field of the details, then of ilmd, then of the event itself. */
    Optional<String> attribute(final String name) {
        return textOf(details(), name).or(() -> textOf(ilmd(), name)).or(() -> text(name));
    }

    /** A numeric field of the details, then of ilmd. */
    Optional<BigDecimal> number(final String name) {
        for (final JsonNode node : List.of(details(), ilmd())) {
            final JsonNode value = node.path(name);
            if (value.isNumber()) {
                return Optional.of(value.decimalValue());
            }
        }
        return Optional.empty();
    }

    private Optional<String> text(final String name) {
        return textOf(json, name);
    }

    static Optional<String> textOf(final JsonNode node, final String name) {
        final JsonNode value = node == null ? MissingNode.getInstance() : node.path(name);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    static List<String> strings(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        for (final JsonNode value : array) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    private static Optional<String> party(final JsonNode list, final String field) {
        Optional<String> any = Optional.empty();
        for (final JsonNode entry : list) {
            final Optional<String> party = textOf(entry, field);
            if (party.isPresent() && entry.path("type").asText().equals("owning_party")) {
                return party;
            }
            any = any.or(() -> party);
        }
        return any;
    }

    private static String abbreviate(final JsonNode json) {
        final String text = json.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
