// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.util.Objects;
import org.medtrace.identifiers.Identifier;

/**
 * A handle could not be resolved. Each subclass names one kind of failure; {@link #handle()} is the handle the caller
 * asked for, even when the failure happened on the way (at a naming-authority or service handle).
 */
public class ResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Identifier handle;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public ResolutionException(final Identifier handle, final String message) {
        super(message);
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public ResolutionException(final Identifier handle, final String message, final Throwable cause) {
        super(message, cause);
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /** @return the handle the caller asked for */
    public Identifier handle() {
        return handle;
    }
}
