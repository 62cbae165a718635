// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medtrace.chaincode.api.ErrorCode;

/**
 * A refused transaction: a {@link ChaincodeException} whose message is {@code [CODE] message} and whose payload is the
 * code in UTF-8. The code is in the message too because a Fabric peer passes only the message to the client.
 *
 * <pre>{@code
 * throw Refusal.of(ErrorCode.UNIT_NOT_FOUND, "unit " + id + " does not exist");
 * }</pre>
 */
public final class Refusal extends ChaincodeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    private Refusal(final ErrorCode code, final String message) {
        super("[" + code.name() + "] " + message, code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
    }

    /**
     * @param code the stable error code
     * @param message what was refused and why, in words a user understands
     * @return the exception to throw
     * @throws NullPointerException if an argument is null
     */
    public static Refusal of(final ErrorCode code, final String message) {
        return new Refusal(Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message"));
    }

    /**
     * A refusal is an expected business outcome, not a fault: it carries no stack trace, which keeps it cheap to
     * throw and keeps the shim's error log (it logs every failed transaction) to the message.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }
}
