// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import java.util.Objects;

/**
 * A request field that fails validation, thrown by request records while they are built. {@link Requests} turns it
 * into an {@link InvalidRequestException} that names the field by its full path ({@code outputs[2].batch.expiryDate}),
 * so a record only names its own fields.
 */
public final class FieldProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    /**
     * @param code INVALID_ARGUMENT, INVALID_IDENTIFIER or LIMIT_EXCEEDED
     * @param field the field's name relative to the record that checks it ({@code codes[3]}, {@code quantity.uom})
     * @param problem what is wrong, without the field name
     */
    public FieldProblem(final ErrorCode code, final String field, final String problem) {
        super(problem, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** @return the error code the refusal carries */
    public ErrorCode code() {
        return code;
    }

    /** @return the field's relative name */
    public String field() {
        return field;
    }
}
