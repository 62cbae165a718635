// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medtrace.gateway.db.DatabaseUnavailableException;
import org.medtrace.gateway.errors.ApiException;
import org.medtrace.gateway.errors.ErrorCodes;
import org.medtrace.gateway.errors.Problem;

/**
 * {@code POST /api/v1/telemetry/readings}: a logger posts a batch of its readings, authenticated with its own
 * credential ({@code Authorization: Bearer <credential id>.<secret>}), as a JSON array ({@code application/json}) or
 * NDJSON ({@code application/x-ndjson}). A plain Vert.x route rather than a REST resource: the admission check runs
 * before the body is read, so memory stays bounded by tickets times the batch size limit, and loggers do not
 * authenticate as REST clients.
 */
@ApplicationScoped
public class IngestionRoute {

    /** The path loggers post to. */
    public static final String PATH = "/api/v1/telemetry/readings";
    /** The NDJSON media type. */
    public static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = Logger.getLogger(IngestionRoute.class.getName());
    private static final String TICKET = "medtrace.telemetry.ticket";

    @Inject
    IngestionService ingestion;
    @Inject
    ObjectMapper mapper;

    void register(@Observes final Router router) {
        // Two routes, because Vert.x wants a body handler first on its route: admission, then body and storage.
        router.post(PATH).order(-10).handler(this::admit);
        router.post(PATH).order(-9).handler(BodyHandler.create(false).setBodyLimit(ingestion.limits().bytesMax()))
                .handler(this::ingest);
    }

    private void admit(final RoutingContext ctx) {
        final String type = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (!type.equals("application/json") && !type.equals(NDJSON)) {
            problem(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send application/json (an array) or " + NDJSON, null);
            return;
        }
        final String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 12 && Long.parseLong(length) > ingestion.limits().bytesMax()) {
            problem(ctx, 413, "BATCH_TOO_LARGE", "a batch has at most " + ingestion.limits().bytesMax() + " bytes",
                    null);
            return;
        }
        final Optional<IngestionService.Ticket> ticket = ingestion.admit();
        if (ticket.isEmpty()) {
            ctx.response().putHeader("Retry-After", Integer.toString(ingestion.limits().retryAfterSeconds()));
            problem(ctx, 503, "OVERLOADED", "the gateway is storing as many batches as it may at once; nothing of"
                    + " this batch was stored, send it again after Retry-After seconds", null);
            return;
        }
        ctx.put(TICKET, ticket.get());
        ctx.addEndHandler(done -> ticket.get().release());
        ctx.next();
    }

    private void ingest(final RoutingContext ctx) {
        final IngestionService.Ticket ticket = ctx.get(TICKET);
        final String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        final String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        final boolean ndjson = mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).equals(NDJSON);
        final byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        final Context context = Vertx.currentContext();
        ticket.run(token, body, ndjson).whenComplete((result, failure) -> context.runOnContext(v -> {
            if (failure == null) {
                json(ctx, 200, result);
            } else {
                fail(ctx, failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
    }

    private void fail(final RoutingContext ctx, final Throwable failure) {
        if (failure instanceof ApiException e) {
            if (e.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"medtrace-loggers\"");
            }
            problem(ctx, e.status(), e.code(), e.getMessage(), null);
        } else if (failure instanceof MalformedBatchException e) {
            problem(ctx, 400, "INVALID_BATCH", e.getMessage() + "; nothing of the batch was stored",
                    List.of(new Problem.FieldError(e.field(), e.reason())));
        } else if (DatabaseUnavailableException.findIn(failure).isPresent()) {
            LOG.log(Level.WARNING, "cannot store a batch: " + failure.getMessage());
            ctx.response().putHeader("Retry-After", Integer.toString(ingestion.limits().retryAfterSeconds()));
            problem(ctx, 503, "DATABASE_UNAVAILABLE", "the batch could not be stored; nothing of it was stored,"
                    + " send it again", null);
        } else {
            LOG.log(Level.SEVERE, "ingestion failed", failure);
            problem(ctx, 500, "INTERNAL_ERROR", "the batch could not be stored; nothing of it was stored", null);
        }
    }

    private void problem(final RoutingContext ctx, final int status, final String code, final String detail,
            final List<Problem.FieldError> errors) {
        final Problem problem = Problem.of(status, code, ErrorCodes.title(code), detail, null, errors, null);
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        write(ctx, status, problem);
    }

    private void json(final RoutingContext ctx, final int status, final Object body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        write(ctx, status, body);
    }

    private void write(final RoutingContext ctx, final int status, final Object body) {
        try {
            ctx.response().setStatusCode(status).end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private static String mediaType(final String header) {
        if (header == null) {
            return "";
        }
        final int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
