// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** A node answered with something that is not a valid Handle.Net REST response (bad JSON, broken record rules, a different handle, an oversized body). */
public final class MalformedResponseException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public MalformedResponseException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public MalformedResponseException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
