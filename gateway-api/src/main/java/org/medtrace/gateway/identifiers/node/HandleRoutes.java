// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.identifiers.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
        final String path = context.request().path();
        final String raw = path.length() <= ROOT.length() + 1 ? "" : path.substring(ROOT.length() + 1);
        final Map<String, List<String>> query = new HashMap<>();
        context.queryParams().names().forEach(name -> query.put(name, context.queryParams().getAll(name)));
        final Buffer body = context.body().buffer();
        final NodeReply reply = node.handle(new NodeRequest(context.request().method().name(), raw, query,
                body == null ? new byte[0] : body.getBytes(),
                Optional.ofNullable(context.request().getHeader(HttpHeaders.AUTHORIZATION))));
        send(context, reply);
    }

    private static void failed(final RoutingContext context) {
        final int status = context.statusCode();
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
