// SPDX-License-Identifier: Apache-2.0
package org.medtrace.identifiers.resolution;

import java.util.Objects;

/** One request to one node failed. Thrown by {@link NodeProtocol}s; the resolver decides about retries. */
public final class NodeCallException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether a retry can help. */
    public enum Kind {
        /** Connection refused, reset or other I/O failure. Retried. */
        UNREACHABLE,
        /** No answer within the request timeout. Retried. */
        TIMEOUT,
        /** HTTP 5xx or 429 without a usable body. Retried. */
        SERVER_ERROR,
        /** An answer that is not a valid response. Not retried. */
        MALFORMED
    }

    private final Kind kind;
    private final NodeEndpoint endpoint;

    /**
     * @param kind what went wrong
     * @param endpoint the endpoint asked
     * @param message details
     * @param cause the underlying error, may be null
     */
    public NodeCallException(final Kind kind, final NodeEndpoint endpoint, final String message,
            final Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the endpoint asked */
    public NodeEndpoint endpoint() {
        return endpoint;
    }

    /** @return true if the same request may succeed when repeated */
    public boolean retryable() {
        return kind != Kind.MALFORMED;
    }
}
