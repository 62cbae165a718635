// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.medtrace.gateway.web.Problem;

/**
 * Authenticates every API request with HTTP Basic (client id, client secret). Where mutual TLS is added, a client
 * certificate from the ledger's CA maps to the identity with the same MSP id and name in this same place.
 */
public class AuthenticationFilter {

    private final CallerRegistry registry;
    private final CallerContext context;

    /**
     * @param registry the clients
     * @param context the request's caller holder
     */
    @Inject
    public AuthenticationFilter(final CallerRegistry registry, final CallerContext context) {
        this.registry = registry;
        this.context = context;
    }

    /**
     * @param request the request
     * @return a 401 problem, or empty to go on
     */
    @ServerRequestFilter
    public Optional<Response> authenticate(final ContainerRequestContext request) {
        final String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        final Optional<Caller> caller = basic(header);
        if (caller.isEmpty()) {
            return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authentication required", "send HTTP Basic credentials of a configured client", null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"medtrace\"").build());
        }
        context.set(caller.get());
        return Optional.empty();
    }

    private Optional<Caller> basic(final String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        final String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        final int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return registry.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
