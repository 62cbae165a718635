// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.handle;

import java.util.Objects;

/**
 * Handle.Net REST JSON that is malformed or breaks a rule of the record model. {@link #path()} says where, for
 * example {@code values[2].data.value}, so that a node can answer a bad request precisely and a client can log what
 * a remote node got wrong.
 */
public final class HandleJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path where in the document, {@code $} for the whole
     * @param message what is wrong
     * @param cause the underlying error, may be null
     */
    public HandleJsonException(final String path, final String message, final Throwable cause) {
        super(path + ": " + message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @return where in the document the problem is, such as {@code values[0].index} */
    public String path() {
        return path;
    }
}
