// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.medtrace.chaincode.api.ErrorCode;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Requests;
import org.medtrace.chaincode.event.EpcisEvent;
import org.medtrace.chaincode.event.EventIds;
import org.medtrace.chaincode.model.ClientEvent;

/**
 * Runs a transaction the same way every time. A submit: check the caller's role attribute and that the member
 * registry grants that role to the caller's organisation (with a licence valid today where the role needs one), read
 * the request, honour the idempotency key, apply the rule, write the events and the idempotency record, emit the one
 * chaincode event and answer. An evaluate: check the caller the same way, read the request, answer. Any refusal is thrown before the transaction
 * ends, so the peer discards its writes.
 */
public final class Transactions {
    /** The name of the one chaincode event every submit emits. */
    public static final String CHAINCODE_EVENT_NAME = "medtrace.events";

    private Transactions() {
    }

    /**
     * @param ctx the contract context
     * @param name the transaction name, e.g. {@code unit:commission}
     * @param json the request
     * @param type the request record
     * @param rule applies the rule and returns the function-specific response fields
     * @return the response JSON
     */
    public static <R> String submit(final Context ctx, final String name, final String json, final Class<R> type,
            final BiFunction<Tx, R, Map<String, ?>> rule) {
        return submit(ctx, name, Access.GRANTED_ROLE, json, type, rule);
    }

    /**
     * As {@link #submit(Context, String, String, Class, BiFunction)}, with another access requirement.
     *
     * @param access what the caller must have before the rule runs
     */
    public static <R> String submit(final Context ctx, final String name, final Access access, final String json,
            final Class<R> type, final BiFunction<Tx, R, Map<String, ?>> rule) {
        Tx tx = Tx.begin(ctx, name, access);
        Requests.Parsed<R> request = read(json, type, true);
        tx.attach(request.common());
        String requestHash = requestHash(tx, request.tree());
        String idempotencyKey = Keys.of(Keys.CLIENT_EVENT, tx.caller().msp(), request.common().clientEventId());
        ClientEvent earlier = tx.state().get(idempotencyKey, ClientEvent.class);
        if (earlier != null) {
            return replay(tx, earlier, requestHash);
        }
        Map<String, ?> fields = Objects.requireNonNull(rule.apply(tx, request.body()), "rule response");
        ObjectNode response = Json.tree(new TreeMap<>(fields));
        response.put("txId", tx.txId());
        ArrayNode ids = response.putArray("eventIds");
        tx.events().ids().forEach(ids::add);
        response.put("replayed", false);
        List<EpcisEvent> events = tx.events().complete(tx.now(), tx.txId());
        for (EpcisEvent event : events) {
            String key = Keys.of(Keys.EVENT, event.eventID());
            if (tx.state().exists(key)) {
                throw new IllegalStateException("event " + event.eventID() + " exists already");
            }
            tx.state().put(key, event);
        }
        tx.state().put(idempotencyKey, new ClientEvent(name, requestHash, response));
        if (!events.isEmpty()) {
            ObjectNode payload = Json.object();
            payload.put("txId", tx.txId());
            payload.set("events", Json.node(events));
            tx.stub().setEvent(CHAINCODE_EVENT_NAME, Json.bytes(payload));
        }
        return Json.text(response);
    }

    /**
     * @param ctx the contract context
     * @param name the transaction name, e.g. {@code unit:get}
     * @param json the request
     * @param type the request record
     * @param query computes the response
     * @return the response JSON
     */
    public static <R> String evaluate(final Context ctx, final String name, final String json, final Class<R> type,
            final BiFunction<Tx, R, ?> query) {
        return evaluate(ctx, name, Access.GRANTED_ROLE, json, type, query);
    }

    /**
     * As {@link #evaluate(Context, String, String, Class, BiFunction)}, with another access requirement.
     *
     * @param access what the caller must have before the query runs
     */
    public static <R> String evaluate(final Context ctx, final String name, final Access access, final String json,
            final Class<R> type, final BiFunction<Tx, R, ?> query) {
        Tx tx = Tx.begin(ctx, name, access);
        Requests.Parsed<R> request = read(json, type, false);
        return Json.text(Objects.requireNonNull(query.apply(tx, request.body()), "query response"));
    }

    private static <R> Requests.Parsed<R> read(final String json, final Class<R> type, final boolean submit) {
        try {
            return Requests.read(json, type, submit);
        } catch (InvalidRequestException e) {
            throw Refusal.of(e.code(), e.getMessage());
        }
    }

    private static String replay(final Tx tx, final ClientEvent earlier, final String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw Refusal.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "clientEventId '"
                    + tx.common().clientEventId() + "' of " + tx.caller().msp() + " was used for another request ("
                    + earlier.transaction() + " in transaction " + earlier.response().path("txId").asText() + ")");
        }
        ObjectNode response = earlier.response().deepCopy();
        response.put("replayed", true);
        return Json.text(response);
    }

    /**
     * The request's fingerprint: transaction name, canonical request JSON and a digest of each transient value, so
     * that the same key with other transient data (another vaccinee) is a different request.
     */
    private static String requestHash(final Tx tx, final ObjectNode tree) {
        StringBuilder text = new StringBuilder(tx.name()).append('\n').append(Json.text(tree));
        new TreeMap<>(tx.transientData()).forEach((key, value) -> text.append('\n').append(key).append('=')
                .append(EventIds.sha256Hex(value == null ? new byte[0] : value)));
        return EventIds.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
