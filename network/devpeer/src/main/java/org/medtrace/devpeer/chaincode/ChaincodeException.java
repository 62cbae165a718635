// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.chaincode;

/** The chaincode could not be run: not connected, stream lost, timed out, or a duplicate transaction in flight. */
public final class ChaincodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ChaincodeException(final String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public ChaincodeException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
