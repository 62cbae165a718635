// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api;

import java.util.Objects;

/**
 * A request that {@link Requests} refuses: the stable error code, the field by its full path
 * ({@code outputs[2].batch.expiryDate}, or {@code request} for the whole), and what is wrong with it. The chaincode
 * turns it into its refusal, the gateway into a 400 problem naming the field; the message is the same in both.
 */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;
    private final String problem;

    /**
     * @param code INVALID_ARGUMENT, INVALID_IDENTIFIER or LIMIT_EXCEEDED
     * @param field the field's path
     * @param problem what is wrong, without the field name
     * @throws NullPointerException if an argument is null
     */
    public InvalidRequestException(final ErrorCode code, final String field, final String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"), null,
                false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.problem = problem;
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the field's path, or {@code request} when the whole request is at fault */
    public String field() {
        return field;
    }

    /** @return what is wrong, without the field name */
    public String problem() {
        return problem;
    }
}
