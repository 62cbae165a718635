// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to {@code /api/handles}, independent of the HTTP server that received it.
 *
 * @param method the HTTP method
 * @param rawHandle the path after {@code /api/handles/}, still percent-encoded; empty for {@code /api/handles}
 * @param query the decoded query parameters, each with all its values
 * @param body the request body, empty if none
 * @param authorization the {@code Authorization} header, if sent
 */
public record NodeRequest(String method, String rawHandle, Map<String, List<String>> query, byte[] body,
        Optional<String> authorization) {

    /** Checks and copies the parts. */
    public NodeRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawHandle, "rawHandle");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(authorization, "authorization");
        query = Map.copyOf(query);
    }

    /**
     * @param name a query parameter
     * @return its values, empty if absent
     */
    public List<String> parameter(final String name) {
        return query.getOrDefault(name, List.of());
    }
}
