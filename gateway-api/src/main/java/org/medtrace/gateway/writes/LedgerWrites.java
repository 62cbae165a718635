// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.writes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.medtrace.chaincode.api.InvalidRequestException;
import org.medtrace.chaincode.api.Json;
import org.medtrace.chaincode.api.Requests;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.ErrorCodes;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.ledger.Committed;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.projection.ProjectionService;

/**
 * The one write path. A request body is parsed as the chaincode parses it, its codes (in any scanned form) are
 * rewritten to canonical identifiers, the idempotency key becomes the chaincode's {@code clientEventId}, and the
 * request is checked with the chaincode's own request record ({@link Requests}, module chaincode/api), so the gateway
 * refuses exactly what the chaincode would refuse, with the same code and words, before anything reaches the ledger.
 * It is then submitted as the caller's ledger identity, and the answer waits until the read model has it. A write is
 * one ledger transaction, so it is all or nothing.
 */
@ApplicationScoped
public class LedgerWrites {

    /** The HTTP header carrying the idempotency key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String CLIENT_EVENT_ID = "clientEventId";
    private static final String WHOLE_REQUEST = "request";

    private final LedgerService ledger;
    private final ProjectionService projection;
    private final CodeParser codes;
    private final ObjectMapper mapper;

    /**
     * @param ledger the ledger
     * @param projection the read model
     * @param codes the code parser
     * @param mapper JSON mapper (to read the chaincode's answer)
     */
    @Inject
    public LedgerWrites(final LedgerService ledger, final ProjectionService projection, final CodeParser codes,
            final ObjectMapper mapper) {
        this.ledger = ledger;
        this.projection = projection;
        this.codes = codes;
        this.mapper = mapper;
    }

    /**
     * A write: the chaincode transaction, the request record the chaincode reads it into, and the request fields
     * that hold codes (which callers may give in any scanned form).
     *
     * @param transaction the chaincode transaction, e.g. {@code unit:commission}
     * @param requestType the chaincode's request record, e.g. {@code CommissionRequest}
     * @param codeFields the request fields holding codes
     * @param <T> the request record
     */
    public record Write<T>(String transaction, Class<T> requestType, CodeFields codeFields) {
        /** Checks the parts. */
        public Write {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(requestType, "requestType");
            Objects.requireNonNull(codeFields, "codeFields");
        }
    }

    /**
     * A request ready to submit: checked with the chaincode's rules.
     *
     * @param write which transaction
     * @param tree what is submitted: the request with canonical codes and its {@code clientEventId}
     * @param body the request as the chaincode will read it (normalised)
     * @param <T> the request record
     */
    public record Checked<T>(Write<T> write, ObjectNode tree, T body) {
    }

    /**
     * Reads and checks an HTTP request body.
     *
     * @param write which transaction
     * @param body the raw body (UTF-8 JSON)
     * @param idempotencyKey the Idempotency-Key header, or null for a fresh key
     * @param <T> the request record
     * @return the checked request
     * @throws ApiException 400 naming the field for anything the chaincode would refuse as malformed
     */
    public <T> Checked<T> check(final Write<T> write, final byte[] body, final String idempotencyKey) {
        return check(write, parse(body), idempotencyKey);
    }

    /**
     * Checks a request tree (for example one read from a body with fields the ledger does not take removed).
     *
     * @param write which transaction
     * @param request the request; not changed
     * @param idempotencyKey the Idempotency-Key header, or null for a fresh key
     * @param <T> the request record
     * @return the checked request
     * @throws ApiException 400 naming the field
     */
    public <T> Checked<T> check(final Write<T> write, final ObjectNode request, final String idempotencyKey) {
        final ObjectNode tree = request.deepCopy();
        if (tree.has(CLIENT_EVENT_ID)) {
            throw ApiException.invalid(CLIENT_EVENT_ID, "give the idempotency key in the " + IDEMPOTENCY_KEY
                    + " header");
        }
        final List<Problem.FieldError> errors = new ArrayList<>();
        write.codeFields().canonicalise(tree, codes, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "INVALID_IDENTIFIER", errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        tree.put(CLIENT_EVENT_ID, clientEventId(idempotencyKey));
        try {
            return new Checked<>(write, tree, Requests.read(tree, write.requestType(), true).body());
        } catch (InvalidRequestException e) {
            // The idempotency key travels in a header; name it as the caller knows it.
            throw refusal(e, e.field().equals(CLIENT_EVENT_ID) ? IDEMPOTENCY_KEY : e.field());
        }
    }

    /**
     * The chaincode's code and words, as a 400 problem naming the field; what the chaincode calls the whole
     * {@code request} is the {@code body} here.
     */
    private static ApiException refusal(final InvalidRequestException e, final String given) {
        final String field = given.equals(WHOLE_REQUEST) ? "body" : given;
        return new ApiException(ErrorCodes.httpStatus(e.code().name()), e.code().name(), field + ": " + e.problem(),
                List.of(new Problem.FieldError(field, e.problem())));
    }

    /**
     * Checks a request the gateway built itself.
     *
     * @param write which transaction
     * @param request the request record
     * @param idempotencyKey the idempotency key, or null for a fresh key
     * @param <T> the request record
     * @return the checked request
     * @throws ApiException 400 if the record breaks the chaincode's rules
     */
    public <T> Checked<T> check(final Write<T> write, final T request, final String idempotencyKey) {
        return check(write, Json.tree(Objects.requireNonNull(request, "request")), idempotencyKey);
    }

    /**
     * Reads, checks and submits an HTTP request body.
     *
     * @param caller the authenticated caller
     * @param write which transaction
     * @param body the raw body
     * @param idempotencyKey the Idempotency-Key header, or null for a fresh key
     * @return the committed write
     * @throws LedgerException if the ledger refused or failed
     * @throws ApiException if the body is invalid
     */
    public WriteResult submit(final Caller caller, final Write<?> write, final byte[] body,
            final String idempotencyKey) throws LedgerException {
        return submit(caller, check(write, body, idempotencyKey), Map.of());
    }

    /**
     * @param caller the authenticated caller
     * @param request the checked request
     * @param transientData transient data, never written to the ledger
     * @return the committed write
     * @throws LedgerException if the ledger refused or failed
     */
    public WriteResult submit(final Caller caller, final Checked<?> request, final Map<String, byte[]> transientData)
            throws LedgerException {
        final Committed committed = ledger.client().submit(caller.identity(), request.write().transaction(),
                Json.bytes(request.tree()), transientData);
        final JsonNode result = answer(committed.result());
        final boolean replayed = result.path("replayed").asBoolean(false);
        final String txId = result.path("txId").asText(committed.transactionId());
        final List<String> eventIds = new ArrayList<>();
        result.path("eventIds").forEach(id -> eventIds.add(id.asText()));
        // A replay changes nothing and emits no event: the original is projected already.
        final boolean projected = replayed || awaitProjection(committed);
        return new WriteResult(txId, committed.blockNumber(), replayed, List.copyOf(eventIds), projected, result);
    }

    /**
     * Parses a request body as the chaincode parses its argument: strict UTF-8, one JSON object, no duplicate keys,
     * no trailing content, the same size limit.
     *
     * @param body the raw body, or null
     * @return the object
     * @throws ApiException 400 if it is none
     */
    public static ObjectNode parse(final byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalid("body", "a JSON object is required");
        }
        final String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "is not valid UTF-8");
        }
        try {
            return Requests.parseObject(text);
        } catch (InvalidRequestException e) {
            throw refusal(e, e.field());
        }
    }

    private boolean awaitProjection(final Committed committed) {
        try {
            return projection.awaitProjected(committed.transactionId(), committed.blockNumber());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String clientEventId(final String idempotencyKey) {
        return idempotencyKey == null ? "gw-" + UUID.randomUUID() : idempotencyKey;
    }

    private JsonNode answer(final byte[] result) {
        try {
            return mapper.readTree(result);
        } catch (IOException e) {
            throw new IllegalStateException("the chaincode answered with something that is not JSON", e);
        }
    }
}
