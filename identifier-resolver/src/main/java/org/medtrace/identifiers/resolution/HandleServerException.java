// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import org.medtrace.identifiers.Identifier;

/**
 * A node refused the request with a Handle response code other than success, not found or a referral, for example
 * 102 invalid handle, 301 server not responsible or 402 authentication needed.
 */
public final class HandleServerException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    private final int responseCode;

    /**
     * @param handle the handle being resolved
     * @param responseCode the Handle response code
     * @param message what the node said
     */
    public HandleServerException(final Identifier handle, final int responseCode, final String message) {
        super(handle, message);
        this.responseCode = responseCode;
    }

    /** @return the Handle response code the node answered with */
    public int responseCode() {
        return responseCode;
    }
}
