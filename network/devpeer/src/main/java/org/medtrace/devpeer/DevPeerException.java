// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer;

/** The dev peer could not start: its ledger, port or chaincode failed. */
public final class DevPeerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DevPeerException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
