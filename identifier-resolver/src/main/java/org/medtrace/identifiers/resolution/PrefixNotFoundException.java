// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** The handle's prefix is not registered: its naming-authority handle {@code 0.NA/<prefix>} does not exist at the top-level node or where it referred to. */
public final class PrefixNotFoundException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public PrefixNotFoundException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public PrefixNotFoundException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
