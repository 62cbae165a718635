// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.PackagedGateway;

/**
 * The packaged gateway ({@code quarkus-run.jar}) as a child process, killed with SIGKILL (with its embedded
 * PostgreSQL and chaincode processes: a machine or container dying) while a logger pushes readings, then started again
 * on the same data directory: every reading acknowledged before the kill is there.
 */
class GatewayCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void every_acknowledged_reading_survives_a_kill_9_of_the_gateway() throws Exception {
        final Path data = PackagedGateway.freshDataDirectory("crash");
        PackagedGateway gateway = start(data);
        final String logger = "88.118.8866/LOGGER-CRASH-" + System.currentTimeMillis() % 100_000;
        assertThat(rest(gateway, "POST", "/api/v1/loggers", "{\"loggerId\":\"" + logger + "\"}").statusCode())
                .isEqualTo(201);
        final String token = JSON.readTree(rest(gateway, "POST", "/api/v1/telemetry/credentials",
                "{\"loggerId\":\"" + logger + "\"}").body()).path("token").asText();

        final Set<Long> acknowledged = java.util.Collections.synchronizedSet(new TreeSet<>());
        final AtomicBoolean stop = new AtomicBoolean();
        final Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        final int port = gateway.port();
        final CompletableFuture<Integer> pusher = CompletableFuture.supplyAsync(() -> {
            int batches = 0;
            for (long first = 0; !stop.get(); first += 50) {
                try {
                    if (push(port, token, logger, first, 50, start) == 200) {
                        for (long s = first; s < first + 50; s++) {
                            acknowledged.add(s);
                        }
                        batches++;
                    }
                } catch (IOException | InterruptedException e) {
                    return batches; // the gateway is gone
                }
            }
            return batches;
        });
        while (acknowledged.size() < 2000) {
            Thread.sleep(20);
        }
        gateway.kill();
        stop.set(true);
        final int batches = pusher.get(30, TimeUnit.SECONDS);
        assertThat(batches).isGreaterThanOrEqualTo(40);
        final List<Long> before = new ArrayList<>(acknowledged);

        gateway = start(data);
        try {
            final Set<Long> stored = new TreeSet<>();
            String cursor = null;
            do {
                final JsonNode page = JSON.readTree(rest(gateway, "GET", "/api/v1/telemetry/readings?loggerId="
                        + logger + "&limit=10000" + (cursor == null ? "" : "&cursor=" + cursor), null).body());
                page.path("readings").forEach(r -> stored.add(r.path("seq").asLong()));
                cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
            } while (cursor != null);
            assertThat(stored).containsAll(before);
            // and the logger goes on where it stopped: everything sent again is a duplicate or new
            assertThat(push(gateway.port(), token, logger, 0, 50, start)).isEqualTo(200);
        } finally {
            gateway.kill();
        }
    }

    private static int push(final int port, final String token, final String logger, final long first,
            final int count, final Instant start) throws IOException, InterruptedException {
        final StringBuilder body = new StringBuilder();
        for (long s = first; s < first + count; s++) {
            body.append(Loggers.line(logger, s, start.plusSeconds(s), 5.0 + s % 3)).append('\n');
        }
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + IngestionRoute.PATH)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", IngestionRoute.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static PackagedGateway start(final Path data) throws IOException, InterruptedException {
        return PackagedGateway.start(data, "medtrace.telemetry.close-interval-seconds=0");
    }

    private static HttpResponse<String> rest(final PackagedGateway gateway, final String method, final String path,
            final String body) throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coldlink:coldlink-demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
