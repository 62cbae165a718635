// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** The responsible node is named only by service references no configured protocol can use (for example a site with TCP/UDP interfaces only). */
public final class NoUsableServiceException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public NoUsableServiceException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public NoUsableServiceException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
