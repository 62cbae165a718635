// SPDX-License-Identifier: Apache-2.0
package org.medtrace.devpeer.identity;

/** A creator identity or signature that the channel's MSPs do not accept. */
public final class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the identity was refused. */
    public enum Reason {
        /** The bytes are not a serialized identity holding a PEM certificate. */
        MALFORMED,
        /** The MSP id is not one of the channel's organisations. */
        UNKNOWN_MSP,
        /** The certificate does not chain to its MSP's CA, or is outside its validity. */
        UNTRUSTED,
        /** The signature does not verify (or is not low-S). */
        BAD_SIGNATURE
    }

    private final Reason reason;
    private final String mspId;

    /** Creates the exception. */
    public IdentityException(final Reason reason, final String mspId, final String message) {
        super(message);
        this.reason = reason;
        this.mspId = mspId;
    }

    /** Why the identity was refused. */
    public Reason reason() {
        return reason;
    }

    /** The MSP id the identity claimed, or empty if it could not be read. */
    public String mspId() {
        return mspId == null ? "" : mspId;
    }
}
