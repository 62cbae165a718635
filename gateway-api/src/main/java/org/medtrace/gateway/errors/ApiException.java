// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.errors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A refusal decided by the gateway itself (unknown identifier, invalid field, forbidden), with a stable code. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Problem.FieldError> errors;
    private final String subject;

    /**
     * @param status HTTP status
     * @param code stable code
     * @param message detail
     * @param errors field errors, may be empty
     */
    public ApiException(final int status, final String code, final String message,
            final List<Problem.FieldError> errors) {
        this(status, code, message, errors, null);
    }

    private ApiException(final int status, final String code, final String message,
            final List<Problem.FieldError> errors, final String subject) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
        this.subject = subject;
    }

    /**
     * @param what e.g. "unit"
     * @param id the identifier that is unknown
     * @return a 404 naming the identifier
     */
    public static ApiException notFound(final String what, final String id) {
        return new ApiException(404, what.toUpperCase(java.util.Locale.ROOT) + "_NOT_FOUND",
                what + " " + id + " is not known", List.of(), id);
    }

    /**
     * @param field the field
     * @param message why
     * @return a 400 for one invalid field
     */
    public static ApiException invalid(final String field, final String message) {
        return new ApiException(400, "INVALID_ARGUMENT", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * @param message why
     * @return a 403
     */
    public static ApiException forbidden(final String message) {
        return new ApiException(403, "ACCESS_DENIED", message, List.of());
    }

    /** @return the HTTP status. */
    public int status() {
        return status;
    }

    /** @return the stable code. */
    public String code() {
        return code;
    }

    /** @return the identifier a 404 is about, so that the answer can say where else it is known */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the invalid fields. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
