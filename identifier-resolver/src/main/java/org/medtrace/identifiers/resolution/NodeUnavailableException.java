// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** No endpoint of the responsible node answered usefully within the retries: connection refused, timeouts, HTTP 5xx or Handle codes 2, 3, 7. The message lists every attempt. */
public final class NodeUnavailableException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public NodeUnavailableException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public NodeUnavailableException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
