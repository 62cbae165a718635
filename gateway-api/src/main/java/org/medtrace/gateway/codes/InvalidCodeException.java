// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.codes;

/** A text that is no code in any supported form; the message completes "field ...". */
public final class InvalidCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why, e.g. "is empty" */
    public InvalidCodeException(final String message) {
        super(message);
    }
}
