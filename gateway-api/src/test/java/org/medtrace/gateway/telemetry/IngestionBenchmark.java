// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import static org.medtrace.gateway.testing.Api.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medtrace.gateway.testing.Api;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Sustained ingestion through the HTTP endpoint into the embedded PostgreSQL, durable, against a raw binary COPY of
 * the same rows into the same table in the same run. Prints figures; asserts nothing about speed. Run with
 * {@code -Dtelemetry-benchmark=true} (docs/telemetry.md).
 */
@QuarkusTest
@WithTestResource(BenchmarkTestResource.class)
@EnabledIfSystemProperty(named = "telemetry-benchmark", matches = "true")
class IngestionBenchmark {

    private static final int LOGGERS = Integer.getInteger("telemetry-benchmark.loggers", 48);
    private static final int BATCH = Integer.getInteger("telemetry-benchmark.batch", 1000);
    private static final int BATCHES_PER_LOGGER = Integer.getInteger("telemetry-benchmark.batches", 40);
    private static final int CLIENTS = Integer.getInteger("telemetry-benchmark.clients", 8);
    private static final int ROUNDS = Integer.getInteger("telemetry-benchmark.rounds", 3);

    /** The loggers' HTTP client (its own Vert.x, apart from the gateway's) and the threads that wait on it. */
    private static HttpClient loggersClient;
    private static final ExecutorService SENDERS = Executors.newFixedThreadPool(CLIENTS);
    private static CpuMeter cpu;

    @Inject
    AgroalDataSource dataSource;

    private record Logger(String id, String token, List<byte[]> batches) {
    }

    @Test
    void ingestion_against_raw_copy() throws Exception {
        final Instant start = Instant.now().minus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        final List<Logger> loggers = new ArrayList<>();
        final String run = Api.digits(6);
        // one more round's worth of loggers for a warm-up round that is printed but not counted
        for (int l = 0; l < LOGGERS + LOGGERS / ROUNDS; l++) {
            final String id = Loggers.PREFIX + "BENCH-" + run + "-" + l;
            post("coldlink", "/api/v1/loggers", Map.of("loggerId", id)).statusCode(201);
            final String token = post("coldlink", "/api/v1/telemetry/credentials", Map.of("loggerId", id))
                    .statusCode(201).extract().path("token");
            final List<byte[]> batches = new ArrayList<>();
            for (int b = 0; b < BATCHES_PER_LOGGER; b++) {
                batches.add(batch(id, (long) b * BATCH, start.plusSeconds((long) b * BATCH))
                        .getBytes(StandardCharsets.UTF_8));
            }
            loggers.add(new Logger(id, token, batches));
        }
        final long total = (long) LOGGERS * BATCHES_PER_LOGGER * BATCH;
        System.out.printf(Locale.ROOT, "%nbenchmark: %d loggers x %d batches x %d readings = %d readings in %d"
                + " rounds after a warm-up round, %d clients, %d available processors%n", LOGGERS, BATCHES_PER_LOGGER, BATCH, total,
                ROUNDS, CLIENTS, Runtime.getRuntime().availableProcessors());
        durable();
        client();

        // Rounds alternate HTTP ingestion and raw COPY of the same rows, so that both see the same machine load.
        final int perRound = LOGGERS / ROUNDS;
        final List<Double> ratios = new ArrayList<>();
        final List<Double> https = new ArrayList<>();
        final List<Double> raws = new ArrayList<>();
        for (int r = -1; r < ROUNDS; r++) {
            final int from = r < 0 ? LOGGERS : r * perRound; // the warm-up round's loggers are the last ones
            final List<Logger> round = loggers.subList(from, from + perRound);
            final long readings = (long) round.size() * BATCHES_PER_LOGGER * BATCH;
            settle();
            final double http = http(round, readings);
            settle();
            final double rawBatched = rawCopy(round, true);
            settle();
            final double rawSingle = rawCopy(round, false);
            final double raw = Math.max(rawBatched, rawSingle);
            System.out.printf(Locale.ROOT, "round %d: raw COPY %,.0f readings/s in %d-row transactions on %d"
                    + " connections, %,.0f in one transaction; HTTP / best raw = %.2f%s%n", r + 1, rawBatched, BATCH,
                    CLIENTS, rawSingle, http / raw, r < 0 ? " (warm-up round, not counted)" : "");
            if (r < 0) {
                continue;
            }
            https.add(http);
            raws.add(raw);
            ratios.add(http / raw);
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: HTTP ingestion %,.0f readings/s, best raw COPY %,.0f"
                + " readings/s, ratio %.2f%n%n", ROUNDS, median(https), median(raws), median(ratios));
        SENDERS.shutdown();
    }

    private static double median(final List<Double> values) {
        final List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String batch(final String logger, final long firstSeq, final Instant firstTime) {
        final StringBuilder out = new StringBuilder(BATCH * 110);
        for (int i = 0; i < BATCH; i++) {
            final long seq = firstSeq + i;
            out.append("{\"loggerId\":\"").append(logger).append("\",\"seq\":").append(seq).append(",\"time\":\"")
                    .append(firstTime.plusSeconds(i)).append("\",\"celsius\":").append(4.0 + (seq % 40) / 10.0)
                    .append(",\"humidity\":").append(40 + seq % 20).append(",\"door\":\"closed\"}\n");
        }
        return out.toString();
    }

    private double http(final List<Logger> loggers, final long total) throws Exception {
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong retries = new AtomicLong();
        final long[] latencies = new long[loggers.size() * BATCHES_PER_LOGGER];
        final AtomicInteger done = new AtomicInteger();
        final CpuMeter.Sample cpu0 = cpu.sample();
        final long t0 = System.nanoTime();
        final List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(SENDERS.submit(() -> {
                cpu.loggerThread();
                // each client takes whole loggers, so one logger's batches go in order
                for (int l = next.getAndIncrement(); l < loggers.size(); l = next.getAndIncrement()) {
                    for (final byte[] body : loggers.get(l).batches()) {
                        final long s = System.nanoTime();
                        while (send(loggers.get(l), body) == 503) {
                            retries.incrementAndGet();
                        }
                        latencies[done.getAndIncrement()] = System.nanoTime() - s;
                    }
                }
                return null;
            }));
        }
        for (final Future<?> f : clients) {
            f.get();
        }
        final double seconds = (System.nanoTime() - t0) / 1e9;
        final CpuMeter.Sample used = cpu.sample().minus(cpu0);
        Arrays.sort(latencies);
        final double rate = total / seconds;
        System.out.printf(Locale.ROOT, "HTTP ingestion (NDJSON, every batch acknowledged after a durable commit):"
                + " %,.0f readings/s (%.1f s); batch latency p50 %.1f ms, p99 %.1f ms; %d overload retries%n", rate,
                seconds, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                retries.get());
        System.out.println("  CPU per 1,000 readings: " + used.per(total, 1000));
        return rate;
    }

    /**
     * Posts a batch and waits for the answer. The loggers' side runs on its own Vert.x (Netty) client, the leanest
     * HTTP client at hand, so that the clients take as little as possible of the two cores the gateway runs on.
     */
    private static int send(final Logger logger, final byte[] body) throws Exception {
        final HttpClient client = client();
        final int[] status = new int[1];
        final String answer = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(RestAssured.port).setURI(IngestionRoute.PATH).setTimeout(60_000)
                .putHeader("Authorization", "Bearer " + logger.token())
                .putHeader("Content-Type", IngestionRoute.NDJSON))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> {
                    status[0] = response.statusCode();
                    return response.body();
                }).toCompletionStage().toCompletableFuture().get().toString();
        if (status[0] == 503) {
            Thread.sleep(10);
        } else if (status[0] != 200 || !answer.contains("\"stored\":" + BATCH)) {
            throw new IllegalStateException("batch not stored: " + status[0] + " " + answer);
        }
        return status[0];
    }

    private static synchronized HttpClient client() {
        if (loggersClient == null) {
            final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            vertx.runOnContext(v -> cpu.loggerThread()); // its one event loop
            loggersClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(CLIENTS));
        }
        return loggersClient;
    }

    /** The same rows (same binary encoding as ingestion) for fresh logger keys, straight into the same table. */
    private double rawCopy(final List<Logger> loggers, final boolean batched) throws Exception {
        final List<Integer> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (int l = 0; l < loggers.size(); l++) {
                try (ResultSet rs = s.executeQuery("INSERT INTO telemetry_logger (logger_id, owner_msp) VALUES ('raw-"
                        + batched + "-" + System.nanoTime() + "-" + loggers.get(l).id() + "', 'ColdLinkMSP')"
                        + " RETURNING logger_key")) {
                    rs.next();
                    keys.add(rs.getInt(1));
                }
            }
        }
        final List<byte[]> rows = new ArrayList<>();
        final long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        final BatchParser parser = new BatchParser(BATCH, 400);
        for (int l = 0; l < loggers.size(); l++) {
            for (final byte[] body : loggers.get(l).batches()) {
                rows.add(ReadingStore.BinaryRows.encode(keys.get(l), parser.parse(body, true, loggers.get(l).id(),
                        now), null, Long.MIN_VALUE, now));
            }
        }
        final long total = (long) rows.size() * BATCH;
        final CpuMeter.Sample cpu0 = cpu.sample();
        final long t0 = System.nanoTime();
        if (batched) {
            final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            final AtomicInteger next = new AtomicInteger();
            final List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(pool.submit(() -> {
                    try (Connection con = dataSource.getConnection()) {
                        con.setAutoCommit(false);
                        for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement()) {
                            copy(con, List.of(rows.get(i)));
                        }
                    }
                    return null;
                }));
            }
            for (final Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
        } else {
            try (Connection con = dataSource.getConnection()) {
                con.setAutoCommit(false);
                copy(con, rows);
            }
        }
        final double rate = total / ((System.nanoTime() - t0) / 1e9);
        System.out.println("  raw COPY " + (batched ? "in " + BATCH + "-row transactions" : "in one transaction")
                + ", CPU per 1,000 readings: " + cpu.sample().minus(cpu0).per(total, 1000).replace("gateway JVM",
                "benchmark JVM").replace(", loggers' client 0.0 ms", ""));
        return rate;
    }

    /** One durable transaction: the chunks' rows (each chunk a complete binary COPY stream) in one COPY. */
    private static void copy(final Connection c, final List<byte[]> chunks) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL synchronous_commit = on");
        }
        final CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(ReadingStore.COPY);
        for (int i = 0; i < chunks.size(); i++) {
            final byte[] chunk = chunks.get(i);
            // one header for the stream, one trailer at its end: strip them from the chunks in between
            final int from = i == 0 ? 0 : 19;
            final int to = i == chunks.size() - 1 ? chunk.length : chunk.length - 2;
            copy.writeToCopy(chunk, from, to - from);
        }
        copy.endCopy();
        c.commit();
    }

    /**
     * Every phase starts alike: the table vacuumed (else autovacuum, woken by the previous phase's inserts, works
     * during the next one) and a checkpoint just done (every phase pays the same full-page writes).
     */
    private void settle() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) telemetry_reading");
            s.execute("CHECKPOINT");
        }
    }

    /** Prints the server's durability settings (the benchmark's server runs with fsync on). */
    private void durable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('wal_sync_method'), version(), pg_backend_pid()")) {
            rs.next();
            cpu = new CpuMeter(rs.getInt(5));
            System.out.printf(Locale.ROOT, "PostgreSQL: fsync=%s, server synchronous_commit=%s (ingestion and raw"
                    + " COPY commit with synchronous_commit=on), wal_sync_method=%s; %s%n", rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4).split(",")[0]);
        }
    }
}
