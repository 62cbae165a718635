// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.medtrace.gateway.telemetry.Loggers.line;
import static org.medtrace.gateway.telemetry.Loggers.ndjson;
import static org.medtrace.gateway.telemetry.Loggers.push;
import static org.medtrace.gateway.testing.Api.get;
import static org.medtrace.gateway.testing.Api.post;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medtrace.gateway.testing.Api;

/** HTTP ingestion: duplicates, out-of-order readings, gaps, malformed and unauthenticated batches. */
@QuarkusTest
@WithTestResource(TelemetryTestResource.class)
class IngestionTest {

    private static final String NDJSON = IngestionRoute.NDJSON;
    private static Loggers.Goods goods;

    @BeforeEach
    void goods() {
        // once, but not in a static @BeforeAll: RestAssured knows the test port only from the first test on
        if (goods == null) {
            goods = Loggers.vaccinesInACaseWithALogger();
        }
    }

    private static List<Integer> storedSeqs() {
        return get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", goods.logger(), "limit", 10000))
                .statusCode(200).extract().jsonPath().getList("readings.seq", Integer.class);
    }

    @Test
    void duplicates_are_stored_once_and_counted_and_out_of_order_readings_are_kept_in_time_order() {
        final Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        push(goods.token(), NDJSON, ndjson(goods.logger(), 1, 10, start, 300, s -> 5.0)).statusCode(200)
                .body("received", equalTo(10)).body("stored", equalTo(10)).body("duplicates", equalTo(0));
        // 8..12 again and new, in reverse order, plus 12 twice in the same batch; 13..14 missing (a gap)
        final String array = "[" + String.join(",", line(goods.logger(), 12, start.plusSeconds(3300), 5.5),
                line(goods.logger(), 12, start.plusSeconds(3300), 5.5),
                line(goods.logger(), 11, start.plusSeconds(3000), 5.4),
                line(goods.logger(), 9, start.plusSeconds(2400), 5.0),
                line(goods.logger(), 8, start.plusSeconds(2100), 5.0),
                line(goods.logger(), 15, start.plusSeconds(4200), 5.1)) + "]";
        push(goods.token(), "application/json", array).statusCode(200).body("received", equalTo(6))
                .body("stored", equalTo(3)).body("duplicates", equalTo(3));
        push(goods.token(), "application/json", array).statusCode(200).body("stored", equalTo(0))
                .body("duplicates", equalTo(6));
        assertThat(storedSeqs()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15);
        // the gap 13..14 filled later: the ranges join and later duplicates are still found
        push(goods.token(), NDJSON, ndjson(goods.logger(), 13, 2, start.plusSeconds(3600), 300, s -> 5.2))
                .statusCode(200).body("stored", equalTo(2));
        push(goods.token(), NDJSON, ndjson(goods.logger(), 1, 15, start, 300, s -> 5.0)).statusCode(200)
                .body("stored", equalTo(0)).body("duplicates", equalTo(15));
        // batches after the last stored number, adjacent (16..17) and with a gap (19..20), then everything again
        push(goods.token(), NDJSON, ndjson(goods.logger(), 16, 2, start.plusSeconds(4500), 300, s -> 5.0))
                .statusCode(200).body("stored", equalTo(2));
        push(goods.token(), NDJSON, ndjson(goods.logger(), 19, 2, start.plusSeconds(5400), 300, s -> 5.0))
                .statusCode(200).body("stored", equalTo(2));
        push(goods.token(), NDJSON, ndjson(goods.logger(), 1, 20, start, 300, s -> 5.0)).statusCode(200)
                .body("stored", equalTo(1)).body("duplicates", equalTo(19));
        assertThat(storedSeqs()).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void concurrent_overlapping_batches_of_several_loggers_store_every_reading_exactly_once() throws Exception {
        // Batches of four loggers, overlapping by 10 readings and each logger's whole range once more, posted from
        // 8 threads in a shuffled order: the writers group batches of different loggers into one transaction and
        // must keep each logger's sequence numbers exact.
        final Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        final Map<String, String> tokens = new LinkedHashMap<>();
        for (int l = 0; l < 4; l++) {
            final String id = Loggers.PREFIX + "LOGGER-C-" + Api.digits(8);
            post("coldlink", "/api/v1/loggers", Map.of("loggerId", id)).statusCode(201);
            tokens.put(id, post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", id))
                    .statusCode(201).extract().path("token"));
        }
        final List<String[]> posts = new ArrayList<>(); // logger, body
        for (final String id : tokens.keySet()) {
            for (int b = 0; b < 6; b++) {
                posts.add(new String[] {id, ndjson(id, b * 40L, 50, start.plusSeconds(b * 40L * 10), 10, s -> 5.0)});
            }
            posts.add(new String[] {id, ndjson(id, 0, 250, start, 10, s -> 5.0)});
        }
        Collections.shuffle(posts, new Random(42));
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        final Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
        try {
            final List<Future<?>> done = new ArrayList<>();
            for (final String[] p : posts) {
                done.add(pool.submit(() -> {
                    final JsonPath answer = push(tokens.get(p[0]), NDJSON, p[1])
                            .statusCode(200).extract().jsonPath();
                    assertThat(answer.getInt("stored") + answer.getInt("duplicates"))
                            .isEqualTo(answer.getInt("received"));
                    stored.computeIfAbsent(p[0], k -> new AtomicInteger())
                            .addAndGet(answer.getInt("stored"));
                }));
            }
            for (final Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (final String id : tokens.keySet()) {
            assertThat(stored.get(id).get()).as("readings of %s acknowledged as new", id).isEqualTo(250);
            assertThat(get("coldlink", "/api/v1/telemetry/readings", Map.of("loggerId", id, "limit", 10000))
                    .statusCode(200).extract().jsonPath().getList("readings.seq", Integer.class))
                    .as("readings of %s stored", id)
                    .containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
        }
    }

    @Test
    void a_malformed_batch_names_the_line_and_field_and_stores_nothing() {
        final Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        final String bad = line(goods.logger(), 1001, t, 5) + "\n" + line(goods.logger(), 1002, t, 5) + "\n"
                + "{\"loggerId\":\"" + goods.logger() + "\",\"seq\":1003,\"time\":\"" + t + "\"}\n";
        push(goods.token(), NDJSON, bad).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_BATCH")).body("errors[0].field", equalTo("[2].celsius"))
                .body("detail", containsString("line 3"));
        push(goods.token(), NDJSON, line(goods.logger(), 1004, t, 5).replace("}", ",\"colour\":1}"))
                .statusCode(400).body("errors[0].field", equalTo("[0].colour"));
        push(goods.token(), NDJSON, line(goods.logger(), 1005, t, 500)).statusCode(400)
                .body("errors[0].field", equalTo("[0].celsius"));
        push(goods.token(), NDJSON, line(goods.logger(), 1006, t.plus(1, ChronoUnit.DAYS), 5)).statusCode(400)
                .body("errors[0].field", equalTo("[0].time"));
        push(goods.token(), NDJSON, line(Loggers.PREFIX + "SOMEONE-ELSE", 1007, t, 5)).statusCode(400)
                .body("errors[0].field", equalTo("[0].loggerId"));
        push(goods.token(), "application/json", "[" + line(goods.logger(), 1008, t, 5)).statusCode(400)
                .body("code", equalTo("INVALID_BATCH"));
        push(goods.token(), "text/csv", "1,2,3").statusCode(415);
        assertThat(storedSeqs()).noneMatch(seq -> seq > 1000);
    }

    @Test
    void unknown_and_revoked_credentials_and_revoked_loggers_are_refused() {
        final String body = line(goods.logger(), 2001, Instant.now().truncatedTo(ChronoUnit.SECONDS), 5);
        Api.asIs().contentType(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post(IngestionRoute.PATH).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        push(goods.token() + "x", NDJSON, body).statusCode(401);
        push("lc0000000000000000.nothing", NDJSON, body).statusCode(401);
        // another organisation cannot issue a credential for this logger, nor learn that it exists
        post("shendist", "/api/v1/telemetry/credentials", Map.of("loggerId", goods.logger())).statusCode(404);

        final Loggers.Goods other = Loggers.vaccinesInACaseWithALogger();
        final String credentialId = other.token().substring(0, other.token().indexOf('.'));
        post("coldlink", "/api/v1/telemetry/credentials/revoke", Map.of("credentialId", credentialId))
                .statusCode(200).body("revoked", equalTo(true));
        push(other.token(), NDJSON, line(other.logger(), 1, Instant.now(), 5)).statusCode(401);

        final String fresh = post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", other.logger()))
                .statusCode(201).extract().path("token");
        push(fresh, NDJSON, line(other.logger(), 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), 5))
                .statusCode(200);
        post("coldlink", "/api/v1/loggers/revoke", Map.of("loggerId", other.logger())).statusCode(200);
        push(fresh, NDJSON, line(other.logger(), 2, Instant.now().truncatedTo(ChronoUnit.MILLIS), 5))
                .statusCode(403).body("code", equalTo("LOGGER_REVOKED"));
        post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", other.logger())).statusCode(409)
                .body("code", equalTo("LOGGER_REVOKED"));
    }
}
