// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medtrace.gateway.errors.Problem;

/**
 * The first step of a graceful shutdown: once the JVM is told to stop (SIGTERM), every new request is answered at
 * once with {@code 503 SHUTTING_DOWN}, {@code Retry-After} and {@code Connection: close}, while the requests already
 * in flight run to their end. Quarkus' own drain ({@code quarkus.shutdown.timeout}) waits for the requests in flight
 * but goes on taking new ones, so under steady load it never sees the last one end and cuts whatever runs when its
 * timeout expires; refusing new requests lets it end as soon as the requests in flight have their answers. Then
 * the projection stops, the ledger client and the dev peer close, and the embedded PostgreSQL stops last.
 */
@ApplicationScoped
public class StopAccepting {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    @Inject
    ObjectMapper mapper;

    void register(@Observes final Router router) {
        // JVM shutdown hooks run together: this one only raises the flag, at the moment Quarkus begins its drain.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "medtrace-stop-accepting"));
        router.route().order(Integer.MIN_VALUE).handler(this::gate);
    }

    private void gate(final RoutingContext ctx) {
        if (!STOPPING.get()) {
            ctx.next();
            return;
        }
        final Problem problem = Problem.of(503, "SHUTTING_DOWN", "Shutting down", "the gateway is stopping and takes"
                + " no new requests; nothing was done, send the request again after Retry-After seconds", null, null,
                null);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(body);
    }
}
