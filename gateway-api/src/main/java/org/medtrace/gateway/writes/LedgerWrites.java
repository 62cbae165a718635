// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.writes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medtrace.gateway.auth.Caller;
import org.medtrace.gateway.codes.CodeFields;
import org.medtrace.gateway.codes.CodeParser;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.ledger.Committed;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerService;
import org.medtrace.gateway.projection.ProjectionService;

/**
 * The one write path: canonicalise the codes of a validated request, attach the idempotency key as the chaincode's
 * {@code clientEventId}, submit it as the caller's ledger identity, and wait until the read model has it. A write is
 * one ledger transaction, so it is all or nothing.
 */
@ApplicationScoped
public class LedgerWrites {

    /** The HTTP header carrying the idempotency key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern CLIENT_EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final LedgerService ledger;
    private final ProjectionService projection;
    private final CodeParser codes;
    private final ObjectMapper mapper;

    /**
     * @param ledger the ledger
     * @param projection the read model
     * @param codes the code parser
     * @param mapper JSON mapper
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
     * A write described by its transaction and code fields.
     *
     * @param transaction the chaincode transaction, e.g. {@code unit:commission}
     * @param codeFields the request fields holding codes
     */
    public record Write(String transaction, CodeFields codeFields) {
        /** Checks the parts. */
        public Write {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(codeFields, "codeFields");
        }
    }

    /**
     * @param caller the authenticated caller
     * @param write which transaction
     * @param request the validated request (a record; null fields are left out)
     * @param idempotencyKey the Idempotency-Key header, or null for a fresh key
     * @return the committed write
     * @throws LedgerException if the ledger refused or failed
     * @throws ApiException if a code or the key is invalid
     */
    public WriteResult submit(final Caller caller, final Write write, final Object request,
            final String idempotencyKey) throws LedgerException {
        return submit(caller, write, request, idempotencyKey, Map.of());
    }

    /**
     * As {@link #submit(Caller, Write, Object, String)}, with transient data that never reaches the ledger.
     *
     * @param caller the authenticated caller
     * @param write which transaction
     * @param request the validated request
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param transientData transient data
     * @return the committed write
     * @throws LedgerException if the ledger refused or failed
     */
    public WriteResult submit(final Caller caller, final Write write, final Object request,
            final String idempotencyKey, final Map<String, byte[]> transientData) throws LedgerException {
        if (request == null) {
            throw ApiException.invalid("body", "a JSON request body is required");
        }
        final ObjectNode json = mapper.valueToTree(request);
        final List<Problem.FieldError> errors = new ArrayList<>();
        write.codeFields().canonicalise(json, codes, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "INVALID_IDENTIFIER", errors.get(0).field() + " " + errors.get(0).message(),
                    errors);
        }
        json.put("clientEventId", clientEventId(idempotencyKey));
        final Committed committed = ledger.client().submit(caller.identity(), write.transaction(), bytes(json),
                transientData);
        final JsonNode result = parse(committed.result());
        final boolean replayed = result.path("replayed").asBoolean(false);
        final String txId = result.path("txId").asText(committed.transactionId());
        final List<String> eventIds = new ArrayList<>();
        result.path("eventIds").forEach(id -> eventIds.add(id.asText()));
        // A replay changes nothing and emits no event: the original is projected already.
        final boolean projected = replayed || awaitProjection(committed);
        return new WriteResult(txId, committed.blockNumber(), replayed, List.copyOf(eventIds), projected, result);
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
        if (idempotencyKey == null) {
            return "gw-" + UUID.randomUUID();
        }
        if (!CLIENT_EVENT_ID.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, "must be 1..128 characters of [A-Za-z0-9._:-]");
        }
        return idempotencyKey;
    }

    private byte[] bytes(final JsonNode json) {
        try {
            return mapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request", e);
        }
    }

    private JsonNode parse(final byte[] result) {
        try {
            return mapper.readTree(result);
        } catch (IOException e) {
            throw new IllegalStateException("the chaincode answered with something that is not JSON", e);
        }
    }
}
