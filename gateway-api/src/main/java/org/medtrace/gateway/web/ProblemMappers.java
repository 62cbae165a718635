// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.medtrace.gateway.db.DatabaseUnavailableException;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.ErrorCodes;
import org.medtrace.gateway.errors.Problem;
import org.medtrace.gateway.identifiers.IdentifierLookup;
import org.medtrace.gateway.identifiers.ResolvedIdentifier;
import org.medtrace.gateway.ledger.ChaincodeRefusedException;
import org.medtrace.gateway.ledger.LedgerException;
import org.medtrace.gateway.ledger.LedgerUnavailableException;
import org.medtrace.gateway.ledger.TransactionInvalidatedException;

/**
 * One mapper per exception family, each answering application/problem+json with a stable code. Class names and
 * stack traces never reach the client; refusals (4xx) are logged below ERROR.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    /** The 404s about an identifier the read model does not know, which the identifier system may know. */
    private static final Set<String> IDENTIFIER_NOT_FOUND = Set.of("UNIT_NOT_FOUND", "BATCH_NOT_FOUND",
            "PRODUCT_NOT_FOUND");

    /** Retry-After of every 503: a restarted database, a relaunched chaincode or a projection catching up. */
    static final String RETRY_AFTER_SECONDS = "2";

    @Inject
    IdentifierLookup identifiers;

    /**
     * @param e a gateway refusal
     * @return the problem; a 404 about an identifier also says what the identifier system knows of it (held by
     *     another node, with its URL; registered at this node only; registered nowhere)
     */
    @ServerExceptionMapper
    public Response api(final ApiException e) {
        LOG.fine(() -> e.code() + ": " + e.getMessage());
        final ResolvedIdentifier resolution = IDENTIFIER_NOT_FOUND.contains(e.code())
                ? e.subject().flatMap(identifiers::lookUp).orElse(null) : null;
        final Response.ResponseBuilder response = Problem.response(e.status(), e.code(), ErrorCodes.title(e.code()),
                resolution == null ? e.getMessage() : e.getMessage() + "; " + resolution.message(), null,
                e.errors(), resolution);
        return (e.status() == 503 ? response.header("Retry-After", RETRY_AFTER_SECONDS) : response).build();
    }

    /** @param e a chaincode refusal @return the problem carrying the chaincode's code */
    @ServerExceptionMapper
    public Response refused(final ChaincodeRefusedException e) {
        LOG.fine(() -> "ledger refused: " + e.getMessage());
        return Problem.response(ErrorCodes.httpStatus(e.code()), e.code(), ErrorCodes.title(e.code()),
                e.chaincodeMessage(), e.transactionId().orElse(null), null).build();
    }

    /** @param e an invalidated transaction @return 409, retry */
    @ServerExceptionMapper
    public Response invalidated(final TransactionInvalidatedException e) {
        LOG.info(e::getMessage);
        return Problem.response(409, "LEDGER_CONFLICT", "Ledger conflict",
                e.getMessage() + "; nothing was written, the request may be retried",
                e.transactionId().orElse(null), null).build();
    }

    /** @param e the ledger did not answer, or the chaincode stopped before it endorsed @return 503, retry */
    @ServerExceptionMapper
    public Response unavailable(final LedgerUnavailableException e) {
        LOG.log(Level.WARNING, e.getMessage(), e);
        return Problem.response(503, "LEDGER_UNAVAILABLE", "Ledger unavailable", e.getMessage(),
                e.transactionId().orElse(null), null).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** @param e the database cannot be reached right now @return 503, retry */
    @ServerExceptionMapper
    public Response database(final DatabaseUnavailableException e) {
        LOG.warning(e::getMessage);
        return Problem.response(503, "DATABASE_UNAVAILABLE", "Database unavailable",
                "the read model's database cannot be reached right now; nothing was done, retry after Retry-After"
                        + " seconds", null, null).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** @param e another ledger failure @return 502 */
    @ServerExceptionMapper
    public Response ledger(final LedgerException e) {
        LOG.log(Level.SEVERE, e.getMessage(), e);
        return Problem.response(502, "LEDGER_ERROR", "Ledger error", e.getMessage(),
                e.transactionId().orElse(null), null).build();
    }

    /** @param e bean-validation failures @return 400 naming every field */
    @ServerExceptionMapper
    public Response violations(final ConstraintViolationException e) {
        final List<Problem.FieldError> errors = new ArrayList<>();
        for (final ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath().toString()),
                    violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        final String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return Problem.response(400, "INVALID_ARGUMENT", "Invalid argument", detail, null, errors).build();
    }

    /** @param e malformed JSON or a wrong type @return 400 naming the field ({@link JsonProblems}) */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
        InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response json(final JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException definition) {
            return definition(definition);
        }
        final Problem.FieldError error = JsonProblems.describe(e);
        return Problem.response(400, "INVALID_ARGUMENT", "Invalid argument", error.field() + ": " + error.message(),
                null, List.of(error)).build();
    }

    /**
     * @param e a request type Jackson cannot bind (the gateway's defect, not the caller's)
     * @return 500 as a problem; Quarkus's own mapper would answer an empty body
     */
    @ServerExceptionMapper
    public Response definition(final InvalidDefinitionException e) {
        LOG.log(Level.SEVERE, "a request type cannot be read", e);
        return Problem.response(500, "INTERNAL_ERROR", "Internal error", "internal error; see the gateway's log",
                null, null).build();
    }

    /** @param e JAX-RS errors (unknown path, wrong method or media type) @return the same status as a problem */
    @ServerExceptionMapper({NotFoundException.class, NotAllowedException.class, NotSupportedException.class,
        WebApplicationException.class})
    public Response web(final WebApplicationException e) {
        final int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        final String code = switch (status) {
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 406 -> "NOT_ACCEPTABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        return Problem.response(status, code, ErrorCodes.title(code),
                status >= 500 ? "internal error" : e.getMessage(), null, null).build();
    }

    /**
     * @param e anything unexpected @return 503 if a database outage is its cause (whoever wrapped it), otherwise 500
     *     without internals; the cause is logged
     */
    @ServerExceptionMapper
    public Response unexpected(final RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web(web);
        }
        final java.util.Optional<DatabaseUnavailableException> outage = DatabaseUnavailableException.findIn(e);
        if (outage.isPresent()) {
            return database(outage.get());
        }
        LOG.log(Level.SEVERE, "unexpected error", e);
        return Problem.response(500, "INTERNAL_ERROR", "Internal error", "internal error; see the gateway's log",
                null, null).build();
    }

    /** "commission.request.codes[2].&lt;list element&gt;" becomes "codes[2]". */
    private static String fieldOf(final String propertyPath) {
        final String[] parts = propertyPath.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1]; // a query or path parameter
        }
        final StringBuilder field = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            final String part = parts[i];
            if (i < 2 || part.startsWith("<")) {
                continue; // method name and parameter name
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(part);
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
