// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/** Referrals or service handles went round in a circle, or more hops were needed than allowed. */
public final class ReferralLoopException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param handle the handle being resolved
     * @param message what happened
     */
    public ReferralLoopException(final Identifier handle, final String message) {
        super(handle, message);
    }

    /**
     * @param handle the handle being resolved
     * @param message what happened
     * @param cause the underlying error
     */
    public ReferralLoopException(final Identifier handle, final String message, final Throwable cause) {
        super(handle, message, cause);
    }
}
