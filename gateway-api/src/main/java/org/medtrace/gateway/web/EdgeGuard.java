// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medtrace.gateway.errors.ErrorCodes;
import org.medtrace.gateway.errors.Problem;

/**
 * The first check of every request to {@code /api/v1}, REST resources and the loggers' ingestion route alike, before
 * authentication and before anything is read or stored:
 *
 * <ul>
 *   <li>the path, every query parameter and every header hold text ({@link Text#refusal}: no NUL or other control
 *       character, valid UTF-8 after percent-decoding), else 400 naming the part;</li>
 *   <li>a request with a body says it is JSON ({@code application/json}; the ingestion route also takes
 *       {@code application/x-ndjson}) in UTF-8 (no {@code charset} or {@code charset=utf-8}), else 415;</li>
 *   <li>the HTTP server's own refusals after this point (a body over {@code quarkus.http.limits.max-body-size}, a
 *       failed route) are answered as problem+json too, not with an empty body.</li>
 * </ul>
 *
 * <p>What is answered before any route runs keeps the HTTP server's empty body, because no route (and so no filter
 * or failure handler) sees those requests: 414 for a request line over
 * {@code quarkus.http.limits.max-initial-line-length}, 431 for headers over {@code max-header-size}, 400 for a URI
 * with a broken percent-escape ({@code %zz}) or a request that is not HTTP, and 413 for a chunked body (no
 * {@code Content-Length}) that grows past {@code max-body-size} while it is read.
 */
@ApplicationScoped
public class EdgeGuard {

    /** The API's path prefix. */
    public static final String API = "/api/v1/";

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class.getName());
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String READINGS = "/api/v1/telemetry/readings";
    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Inject
    ObjectMapper mapper;

    /** Quarkus answers a declared body over this with an empty 413 (its upload-limit route, after this one). */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> bodyBytesMax;

    void install(@Observes final Router router) {
        router.route(API + "*").order(-100).handler(this::check).failureHandler(this::failed);
    }

    private void check(final RoutingContext ctx) {
        final HttpServerRequest request = ctx.request();
        final Optional<Problem> refusal = text(request).or(() -> mediaType(request)).or(() -> size(request));
        if (refusal.isPresent()) {
            send(ctx, refusal.get());
            return;
        }
        ctx.next();
    }

    /** @return a 400 for the first part of the request that is not text */
    static Optional<Problem> text(final HttpServerRequest request) {
        final Optional<String> path = Text.percentDecoded(request.path(), false);
        if (path.isEmpty()) {
            return Optional.of(invalid("path", "has a broken percent-escape or is not UTF-8"));
        }
        final Optional<String> pathRefusal = Text.refusal(path.get(), false);
        if (pathRefusal.isPresent()) {
            return Optional.of(invalid("path", pathRefusal.get()));
        }
        final String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (final String pair : query.split("&")) {
                final int equals = pair.indexOf('=');
                final Optional<String> name = Text.percentDecoded(equals < 0 ? pair : pair.substring(0, equals), true);
                final Optional<String> value = equals < 0 ? Optional.of("")
                        : Text.percentDecoded(pair.substring(equals + 1), true);
                if (name.isEmpty() || value.isEmpty()) {
                    return Optional.of(invalid(name.orElse("query"), "has a broken percent-escape or is not UTF-8"));
                }
                final Optional<String> badName = Text.refusal(name.get(), false);
                if (badName.isPresent()) {
                    return Optional.of(invalid("query", "a parameter name " + badName.get()));
                }
                final Optional<String> badValue = Text.refusal(value.get(), false);
                if (badValue.isPresent()) {
                    return Optional.of(invalid(name.get(), badValue.get()));
                }
            }
        }
        for (final Map.Entry<String, String> header : request.headers()) {
            final String value = header.getValue();
            for (int i = 0; i < value.length(); i++) {
                final char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return Optional.of(invalid(header.getKey(), String.format(
                            "holds the control character U+%04X at position %d", (int) c, i)));
                }
            }
        }
        return Optional.empty();
    }

    /** @return a 415 for a body that does not say it is JSON in UTF-8 */
    static Optional<Problem> mediaType(final HttpServerRequest request) {
        if (!WITH_BODY.contains(request.method()) || !hasBody(request)) {
            return Optional.empty();
        }
        final String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        final boolean readings = request.path().equals(READINGS);
        final String accepted = readings ? JSON + " or " + NDJSON : JSON;
        if (header == null || header.isBlank()) {
            return Optional.of(unsupported("a body needs a Content-Type: send " + accepted));
        }
        final String[] parts = header.split(";");
        final String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON) && !(readings && type.equals(NDJSON))) {
            return Optional.of(unsupported("Content-Type " + type + " is not accepted here: send " + accepted));
        }
        for (int i = 1; i < parts.length; i++) {
            final String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")
                    && !parameter.substring(8).replace("\"", "").trim().equals("utf-8")) {
                return Optional.of(unsupported("the body must be UTF-8: send charset=utf-8 or no charset"));
            }
        }
        return Optional.empty();
    }

    /** @return a 413 for a declared body larger than the server takes (the ingestion route has its own limit) */
    private Optional<Problem> size(final HttpServerRequest request) {
        final String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || bodyBytesMax.isEmpty() || request.path().equals(READINGS)) {
            return Optional.empty();
        }
        final long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(invalid(HttpHeaders.CONTENT_LENGTH.toString(), "is not a number"));
        }
        final long max = bodyBytesMax.get().asLongValue();
        return declared <= max ? Optional.empty() : Optional.of(Problem.of(413, "BODY_TOO_LARGE",
                ErrorCodes.title("BODY_TOO_LARGE"), "the request body has " + declared + " bytes, at most " + max
                        + " are accepted (quarkus.http.limits.max-body-size)", null, null, null));
    }

    private static boolean hasBody(final HttpServerRequest request) {
        final String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.trim().equals("0");
    }

    /** The HTTP server's own refusals on the API, and failures no one answered, as problems. */
    private void failed(final RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        final Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof HttpException http) {
            status = http.getStatusCode();
        } else if (failure != null) {
            LOG.log(Level.SEVERE, "request failed: " + ctx.request().method() + " " + ctx.request().path(), failure);
            status = 500;
        }
        if (status < 400) {
            status = 500;
        }
        final String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "BODY_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        final String detail = switch (status) {
            case 413 -> "the request body is larger than the gateway accepts (quarkus.http.limits.max-body-size)";
            case 500 -> "internal error; see the gateway's log";
            default -> "the request could not be read";
        };
        send(ctx, Problem.of(status, code, ErrorCodes.title(code), detail, null, null, null));
    }

    private static Problem invalid(final String field, final String message) {
        return Problem.of(400, "INVALID_ARGUMENT", "Invalid argument", field + ": " + message, null,
                List.of(new Problem.FieldError(field, message)), null);
    }

    private static Problem unsupported(final String detail) {
        return Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", ErrorCodes.title("UNSUPPORTED_MEDIA_TYPE"), detail, null,
                null, null);
    }

    private void send(final RoutingContext ctx, final Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
