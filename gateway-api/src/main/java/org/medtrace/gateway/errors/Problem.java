// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.medtrace.gateway.identifiers.ResolvedIdentifier;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with a stable machine-readable {@code code}.
 *
 * @param type a URN naming the code
 * @param title short human summary of the code
 * @param status the HTTP status
 * @param detail what exactly went wrong
 * @param code the stable error code (the chaincode's code for ledger refusals)
 * @param txId the ledger transaction id, where there was one
 * @param errors the fields that failed validation
 * @param resolution for an identifier the read model does not know: what the identifier system says about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String txId,
        List<FieldError> errors, ResolvedIdentifier resolution) {

    /** The media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field.
     *
     * @param field the field path, e.g. {@code codes[3]}
     * @param message why it is invalid
     */
    public record FieldError(String field, String message) {
    }

    /**
     * @param status HTTP status
     * @param code stable code
     * @param title summary
     * @param detail detail
     * @param txId transaction id or null
     * @return a response builder carrying the problem
     */
    public static Response.ResponseBuilder response(final Response.Status status, final String code,
            final String title, final String detail, final String txId) {
        return response(status.getStatusCode(), code, title, detail, txId, null);
    }

    /**
     * @param status HTTP status code
     * @param code stable code
     * @param title summary
     * @param detail detail
     * @param txId transaction id or null
     * @param errors field errors or null
     * @return a response builder carrying the problem
     */
    public static Response.ResponseBuilder response(final int status, final String code, final String title,
            final String detail, final String txId, final List<FieldError> errors) {
        return response(status, code, title, detail, txId, errors, null);
    }

    /**
     * @param status HTTP status code
     * @param code stable code
     * @param title summary
     * @param detail detail
     * @param txId transaction id or null
     * @param errors field errors or null
     * @param resolution what the identifier system says about the unknown identifier, or null
     * @return a response builder carrying the problem
     */
    public static Response.ResponseBuilder response(final int status, final String code, final String title,
            final String detail, final String txId, final List<FieldError> errors,
            final ResolvedIdentifier resolution) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, code, title, detail, txId, errors,
                resolution));
    }

    /**
     * @param status HTTP status code
     * @param code stable code
     * @param title summary
     * @param detail detail
     * @param txId transaction id or null
     * @param errors field errors or null
     * @param resolution what the identifier system says about the unknown identifier, or null
     * @return the problem, its type the URN of its code
     */
    public static Problem of(final int status, final String code, final String title, final String detail,
            final String txId, final List<FieldError> errors, final ResolvedIdentifier resolution) {
        return new Problem("urn:medtrace:problem:" + code, title, status, detail, code, txId,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors), resolution);
    }
}
