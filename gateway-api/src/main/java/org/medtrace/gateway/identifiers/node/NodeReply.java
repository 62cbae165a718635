// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.Objects;
import org.medtrace.identifiers.handle.HandleJsonCodec;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleResponse;
import org.medtrace.identifiers.handle.HandleResponseCode;

/**
 * The node's answer: an HTTP status and a JSON body.
 *
 * @param status the HTTP status
 * @param body UTF-8 JSON
 * @param challenge true if the answer asks for credentials ({@code WWW-Authenticate: Basic})
 */
public record NodeReply(int status, byte[] body, boolean challenge) {

    /** The media type of every body. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private static final HandleJsonCodec CODEC = HandleJsonCodec.create();

    /** Checks the parts. */
    public NodeReply {
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param operation what the request did, for the HTTP status
     * @param response the Handle response
     * @return the reply, with the status {@link HandleResponseCode#httpStatus} gives
     */
    static NodeReply of(final HandleOperation operation, final HandleResponse response) {
        final int status = response.code().map(code -> code.httpStatus(operation)).orElse(500);
        return new NodeReply(status, CODEC.writeResponse(response), false);
    }

    /**
     * @param operation what the request was
     * @param code the Handle code
     * @param handle the handle as the client sent it, may be null
     * @param message what went wrong
     * @return the reply
     */
    static NodeReply error(final HandleOperation operation, final HandleResponseCode code, final String handle,
            final String message) {
        final NodeReply reply = of(operation, HandleResponse.error(code, handle, message));
        return code == HandleResponseCode.AUTHENTICATION_NEEDED ? new NodeReply(reply.status, reply.body, true)
                : reply;
    }
}
