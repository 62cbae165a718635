// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** The node responsible for the handle's prefix answered that the handle does not exist (Handle code 100). May come from the negative cache. */
public final class HandleNotFoundException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public HandleNotFoundException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public HandleNotFoundException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
