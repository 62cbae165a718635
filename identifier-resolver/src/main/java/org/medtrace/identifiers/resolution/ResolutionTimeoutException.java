// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** The resolution as a whole took longer than its deadline. */
public final class ResolutionTimeoutException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public ResolutionTimeoutException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public ResolutionTimeoutException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
