// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.medtrace.gateway.errors.Problem;

/**
 * Authenticates every API request: with HTTP Basic (client id, client secret) when an Authorization header is sent,
 * otherwise with the TLS client certificate the HTTPS listener verified ({@link ClientCertificates}). A request with
 * an Authorization header is judged by it alone: wrong credentials never fall back to the certificate.
 */
public class AuthenticationFilter {

    private static final String BASIC_HINT = "send HTTP Basic credentials of a configured client";

    private final CallerRegistry registry;
    private final ClientCertificates certificates;
    private final CallerContext context;

    @Inject
    AuthenticationFilter(final CallerRegistry registry, final ClientCertificates certificates,
            final CallerContext context) {
        this.registry = registry;
        this.certificates = certificates;
        this.context = context;
    }

    /**
     * @param request the request
     * @param http the Vert.x request, for its TLS session
     * @return a 401 problem, or empty to go on
     */
    @ServerRequestFilter
    public Optional<Response> authenticate(final ContainerRequestContext request, final HttpServerRequest http) {
        final String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        final Optional<Caller> caller;
        final String refusal;
        if (header != null) {
            caller = basic(header);
            refusal = BASIC_HINT;
        } else {
            final X509Certificate certificate = clientCertificate(http);
            final ClientCertificates.Outcome outcome = certificate == null
                    ? ClientCertificates.Outcome.refused(BASIC_HINT + ", or a client certificate over HTTPS")
                    : certificates.authenticate(certificate, Instant.now());
            caller = outcome.accepted();
            refusal = outcome.refusal();
        }
        if (caller.isEmpty()) {
            return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authentication required", refusal, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"medtrace\"").build());
        }
        context.set(caller.get());
        return Optional.empty();
    }

    /** The certificate the TLS handshake verified, or null without TLS or without a client certificate. */
    private static X509Certificate clientCertificate(final HttpServerRequest http) {
        final SSLSession session = http.isSSL() ? http.sslSession() : null;
        if (session == null) {
            return null;
        }
        try {
            final Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
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
