// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medtrace.identifiers.Identifier;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleJsonException;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleRecord;
import org.medtrace.identifiers.handle.HandleResponseCode;
import org.medtrace.identifiers.handle.HandleValue;

/**
 * {@code POST /api/handles}: up to {@link #RECORDS_MAX} new records in one request, all or nothing.
 *
 * <p>Body {@code {"handles":[{"handle":"88.118.8866/X","values":[...]}, ...]}}. Every record is checked first
 * (handle, responsibility, the caller's permission, values); then they are created in one database transaction. A
 * record that already exists with the same content (timestamps aside) counts as done, so an identical retry succeeds
 * (200, every record {@code unchanged}); one that exists with other content is a conflict (409), and then nothing at
 * all is written. Refusals list every failing record with its position, Handle code and reason.
 */
final class BatchRegistration {

    /** Most records in one request (the IDIS/SNMS batch limit). */
    static final int RECORDS_MAX = 2_000;

    private static final HandleJsonCodec CODEC = HandleJsonCodec.create();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final HandleStore store;
    private final NodeSettings settings;

    BatchRegistration(final HandleStore store, final NodeSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** One refused record. */
    private record Failure(int position, String handle, HandleResponseCode code, String message) {
    }

    /** The body is not a batch at all. */
    private static final class BadBatch extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HandleResponseCode code;

        BadBatch(final HandleResponseCode code, final String message) {
            super(message);
            this.code = code;
        }
    }

    NodeReply register(final NodeRequest request, final Authentication caller) {
        if (caller instanceof Authentication.Anonymous) {
            return NodeReply.error(HandleOperation.CREATE, HandleResponseCode.AUTHENTICATION_NEEDED, null,
                    "batch registration needs an administrator: HTTP Basic with user <index>:0.NA/<prefix>"
                            + " (percent-encoded) or a gateway client of an administering organisation");
        }
        if (caller instanceof Authentication.Refused refused) {
            return NodeReply.error(HandleOperation.CREATE, HandleResponseCode.AUTHENTICATION_FAILED, null,
                    refused.reason());
        }
        final JsonNode items;
        try {
            items = items(request.body());
        } catch (BadBatch e) {
            return NodeReply.error(HandleOperation.CREATE, e.code, null, e.getMessage());
        }
        final Administrator admin = ((Authentication.Admin) caller).administrator();
        final List<HandleRecord> records = new ArrayList<>(items.size());
        final List<Failure> failures = new ArrayList<>();
        final Map<Identifier, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            final Object checked = check(i, items.get(i), admin, caller, seen);
            if (checked instanceof HandleRecord record) {
                records.add(record);
            } else {
                failures.add((Failure) checked);
            }
        }
        if (!failures.isEmpty()) {
            return refused(failures, items.size());
        }
        return created(records, store.createAll(records));
    }

    /** @return the record, or the failure */
    private Object check(final int position, final JsonNode item, final Administrator admin,
            final Authentication caller, final Map<Identifier, Integer> seen) {
        final String path = "$.handles[" + position + "]";
        if (!item.isObject() || !item.path("handle").isTextual() || !item.has("values") || item.size() != 2) {
            return new Failure(position, item.path("handle").asText(null), HandleResponseCode.INVALID_VALUE,
                    path + ": must be {\"handle\": \"<prefix>/<suffix>\", \"values\": [...]} and nothing else");
        }
        final String text = item.get("handle").asText();
        final Identifier handle;
        try {
            handle = Identifier.parse(text);
        } catch (IllegalArgumentException e) {
            return new Failure(position, text, HandleResponseCode.INVALID_HANDLE, e.getMessage());
        }
        if (!settings.serves(handle.prefix())) {
            return new Failure(position, text, HandleResponseCode.SERVER_NOT_RESPONSIBLE,
                    "this node serves " + settings.prefixes() + ", not " + handle.prefix());
        }
        final Optional<NodeReply> refused = HandleWrites.permission(handle, caller, HandleOperation.CREATE);
        if (refused.isPresent()) {
            return new Failure(position, text, HandleResponseCode.INSUFFICIENT_PERMISSIONS,
                    admin.name() + " does not administer prefix " + handle.prefix());
        }
        final Integer earlier = seen.putIfAbsent(handle, position);
        if (earlier != null) {
            return new Failure(position, text, HandleResponseCode.PROTOCOL_ERROR,
                    handle + " is also at position " + earlier + "; a batch names each handle once");
        }
        try {
            final List<HandleValue> values = HandleWrites.stamped(CODEC.readRequestValues(MAPPER.writeValueAsBytes(
                    item.get("values"))), settings);
            return new HandleRecord(handle, StoredValues.inIndexOrder(HandleWrites.withAdmin(values, admin,
                    handle, settings)));
        } catch (HandleJsonException e) {
            return new Failure(position, text, HandleResponseCode.INVALID_VALUE,
                    path + ".values" + e.path().substring(1) + ": " + e.getMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Failure(position, text, HandleResponseCode.INVALID_VALUE, path + ".values: "
                    + e.getMessage());
        }
    }

    private static JsonNode items(final byte[] body) throws BadBatch {
        final JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadBatch(HandleResponseCode.INVALID_VALUE, "$: not valid JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new BadBatch(HandleResponseCode.INVALID_VALUE, "$: must be an object {\"handles\": [...]}");
        }
        final Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!name.equals("handles")) {
                throw new BadBatch(HandleResponseCode.INVALID_VALUE, "$." + name
                        + ": unknown member; the body is {\"handles\": [...]}");
            }
        }
        final JsonNode items = root.get("handles");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new BadBatch(HandleResponseCode.INVALID_VALUE, "$.handles: must be a non-empty array of records");
        }
        if (items.size() > RECORDS_MAX) {
            throw new BadBatch(HandleResponseCode.PROTOCOL_ERROR, "$.handles: holds " + items.size()
                    + " records, at most " + RECORDS_MAX + " are accepted in one request; split the batch");
        }
        return items;
    }

    private static NodeReply refused(final List<Failure> failures, final int total) {
        final HandleResponseCode first = failures.get(0).code();
        final boolean forbidden = failures.stream()
                .anyMatch(f -> f.code() == HandleResponseCode.INSUFFICIENT_PERMISSIONS);
        final boolean invalid = failures.stream().anyMatch(f -> f.code() != HandleResponseCode.HANDLE_ALREADY_EXISTS);
        final int status = forbidden ? 403 : invalid ? 400 : 409;
        final ObjectNode body = MAPPER.createObjectNode();
        body.put("responseCode", first.code());
        body.put("message", failures.size() + " of " + total + " records refused; nothing was written");
        body.put("refused", failures.size());
        final ArrayNode list = body.putArray("failures");
        for (final Failure failure : failures) {
            final ObjectNode item = list.addObject();
            item.put("position", failure.position());
            if (failure.handle() != null) {
                item.put("handle", failure.handle());
            }
            item.put("responseCode", failure.code().code());
            item.put("message", failure.message());
        }
        return new NodeReply(status, bytes(body), false);
    }

    private static NodeReply created(final List<HandleRecord> records,
            final List<HandleStore.CreateOutcome> outcomes) {
        final List<Failure> conflicts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (outcomes.get(i) == HandleStore.CreateOutcome.CONFLICT) {
                conflicts.add(new Failure(i, records.get(i).handle().toString(),
                        HandleResponseCode.HANDLE_ALREADY_EXISTS, "exists with other values"));
            }
        }
        if (!conflicts.isEmpty()) {
            return refused(conflicts, records.size());
        }
        final long created = outcomes.stream().filter(o -> o == HandleStore.CreateOutcome.CREATED).count();
        final ObjectNode body = MAPPER.createObjectNode();
        body.put("responseCode", HandleResponseCode.SUCCESS.code());
        body.put("created", created);
        body.put("unchanged", records.size() - created);
        final ArrayNode list = body.putArray("results");
        for (int i = 0; i < records.size(); i++) {
            list.addObject().put("handle", records.get(i).handle().toString())
                    .put("outcome", outcomes.get(i) == HandleStore.CreateOutcome.CREATED ? "created" : "unchanged");
        }
        return new NodeReply(created > 0 ? 201 : 200, bytes(body), false);
    }

    private static byte[] bytes(final JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
