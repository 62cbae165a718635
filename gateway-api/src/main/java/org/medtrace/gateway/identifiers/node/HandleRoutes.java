// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medtrace.gateway.identifiers.IdentifiersConfig;
import org.medtrace.identifiers.handle.HandleOperation;
import org.medtrace.identifiers.handle.HandleResponseCode;

/**
 * Serves the node at {@code /api/handles} as Vert.x routes on the gateway's HTTP server. Not a JAX-RS resource on
 * purpose: the Handle.Net REST API has its own authentication (public reads, Handle-style administrators) and its
 * own JSON bodies for every error, including malformed paths and oversized bodies, which the gateway's
 * authentication filter and problem+json mappers would otherwise answer.
 */
@ApplicationScoped
public class HandleRoutes {

    /** Largest request body accepted (the gateway's {@code quarkus.http.limits.max-body-size}). */
    static final long BODY_BYTES_MAX = 4L * 1024 * 1024;

    private static final String ROOT = "/api/handles";

    private final HandleNode node;
    private final boolean enabled;

    /**
     * @param node the node
     * @param config the identifier keys
     */
    @Inject
    public HandleRoutes(final HandleNode node, final IdentifiersConfig config) {
        this.node = node;
        this.enabled = config.node().enabled();
    }

    void install(@Observes final Router router) {
        if (!enabled) {
            return;
        }
        for (final String path : List.of(ROOT, ROOT + "/*")) {
            router.route(path).handler(BodyHandler.create(false).setBodyLimit(BODY_BYTES_MAX))
                    .blockingHandler(this::serve, false)
                    .failureHandler(HandleRoutes::failed);
        }
    }

    private void serve(final RoutingContext context) {
        final Buffer body = context.body().buffer();
        if (body != null && body.length() > 0 && !isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            send(context, new NodeReply(415, ("{\"responseCode\":" + HandleResponseCode.PROTOCOL_ERROR.code()
                    + ",\"message\":\"send the body as application/json in UTF-8\"}").getBytes(StandardCharsets.UTF_8),
                    false));
            return;
        }
        final String path = context.request().path();
        final String raw = path.length() <= ROOT.length() + 1 ? "" : path.substring(ROOT.length() + 1);
        final Map<String, List<String>> query = new HashMap<>();
        context.queryParams().names().forEach(name -> query.put(name, context.queryParams().getAll(name)));
        final NodeReply reply = node.handle(new NodeRequest(context.request().method().name(), raw, query,
                body == null ? new byte[0] : body.getBytes(),
                Optional.ofNullable(context.request().getHeader(HttpHeaders.AUTHORIZATION))));
        send(context, reply);
    }

    /** @return true for {@code application/json} with no charset or UTF-8, what the Handle.Net REST API takes */
    static boolean isJson(final String contentType) {
        if (contentType == null) {
            return false;
        }
        final String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            final String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").trim().equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static void failed(final RoutingContext context) {
        // a query string that does not decode fails the route with an exception, not a status
        final int status = context.failure() instanceof HttpException http ? http.getStatusCode()
                : context.failure() instanceof IllegalArgumentException ? 400 : context.statusCode();
        final NodeReply reply = status == 413
                ? new NodeReply(413, ("{\"responseCode\":" + HandleResponseCode.PROTOCOL_ERROR.code()
                        + ",\"message\":\"the request body is larger than " + BODY_BYTES_MAX + " bytes\"}")
                        .getBytes(StandardCharsets.UTF_8), false)
                : NodeReply.error(HandleOperation.RESOLVE, status >= 400 && status < 500
                        ? HandleResponseCode.PROTOCOL_ERROR : HandleResponseCode.ERROR, null,
                        status >= 400 && status < 500 ? "the request could not be read" : "the node failed");
        send(context, reply);
    }

    private static void send(final RoutingContext context, final NodeReply reply) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(reply.status()).putHeader(HttpHeaders.CONTENT_TYPE, NodeReply.CONTENT_TYPE);
        if (reply.challenge()) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"handle\"");
        }
        context.response().end(Buffer.buffer(reply.body()));
    }
}
