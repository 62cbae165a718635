// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The suite's HTTP client: one JDK client for every thread, the demo clients' HTTP Basic credentials. */
final class Http {

    /** Longer than any bound of the gateway (endorsement, commit, projection wait): a request gets its answer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What came back: a status and a body, or no answer at all.
     *
     * @param status the HTTP status, or -1 without an answer
     * @param body the body as JSON (missing if it was not JSON)
     * @param text the body as text, or the failure's message
     * @param startNanos when the request was sent
     * @param endNanos when it ended
     */
    record Answer(int status, JsonNode body, String text, long startNanos, long endNanos) {

        boolean answered() {
            return status > 0;
        }

        String code() {
            return body.path("code").asText("");
        }

        @Override
        public String toString() {
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(final int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer post(final String clientId, final String path, final Object body, final String idempotencyKey) {
        final HttpRequest.Builder request = authenticated(clientId, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer get(final String clientId, final String path) {
        return send(authenticated(clientId, path).GET().build());
    }

    /** @return the status of an unauthenticated GET (health), -1 without an answer */
    int status(final String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build())
                .status();
    }

    static String query(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder authenticated(final String clientId, final String path) {
        final String secret = clientId + ":" + clientId + "-demo";
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        secret.getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(final HttpRequest request) {
        final long start = System.nanoTime();
        try {
            final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body(), start,
                    System.nanoTime());
        } catch (IOException e) {
            return new Answer(-1, MissingNode.getInstance(), e.getClass().getSimpleName() + ": " + e.getMessage(),
                    start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, MissingNode.getInstance(), "interrupted", start, System.nanoTime());
        }
    }

    private static JsonNode parse(final String text) {
        try {
            return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(final Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
