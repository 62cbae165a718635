// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.telemetry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingestion of reading batches from any transport (HTTP, MQTT): authenticate the logger, parse, store durably, and
 * only then answer. Work in flight is bounded: a batch needs a ticket (workers + queue of them), and without one the
 * transport answers "overloaded, retry later" instead of buffering or dropping anything.
 */
@Startup
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());

    /** An admitted batch: the holder must {@link #run} it or {@link #release} it. */
    public final class Ticket {
        private final AtomicInteger released = new AtomicInteger();

        private Ticket() {
        }

        /**
         * Authenticates, parses and stores a batch on an ingestion worker; releases the ticket when done.
         *
         * @param token the logger's bearer token
         * @param body the batch
         * @param ndjson NDJSON rather than a JSON array
         * @return the result, or an {@link org.medtrace.gateway.web.ApiException} /
         *     {@link MalformedBatchException} / {@link SQLException} failure
         */
        public CompletableFuture<IngestResult> run(final String token, final byte[] body, final boolean ndjson) {
            final CompletableFuture<IngestResult> result = new CompletableFuture<>();
            try {
                workers.execute(() -> {
                    try {
                        result.complete(ingest(token, body, ndjson));
                    } catch (Exception | Error e) {
                        result.completeExceptionally(e);
                    } finally {
                        release();
                    }
                });
            } catch (RuntimeException e) {
                release();
                result.completeExceptionally(e);
            }
            return result;
        }

        /** Gives the ticket back (idempotent). */
        public void release() {
            if (released.getAndIncrement() == 0) {
                tickets.release();
            }
        }
    }

    private final LoggerCredentials credentials;
    private final BatchParser parser;
    private final ReadingStore store;
    private final Partitions partitions;
    private final Semaphore tickets;
    private final ExecutorService workers;
    private final TelemetryConfig config;

    /**
     * @param dataSource the database
     * @param credentials logger credentials
     * @param config telemetry configuration
     * @throws SQLException if the partitions cannot be prepared
     */
    @Inject
    public IngestionService(final AgroalDataSource dataSource, final LoggerCredentials credentials,
            final TelemetryConfig config) throws SQLException {
        this.config = config;
        this.credentials = credentials;
        final TelemetryConfig.Ingest ingest = config.ingest();
        this.parser = new BatchParser(ingest.readingsMax(), ingest.readingAgeDaysMax());
        this.partitions = new Partitions(dataSource);
        this.store = new ReadingStore(dataSource, partitions);
        this.tickets = new Semaphore(ingest.workers() + ingest.queue());
        final AtomicInteger threads = new AtomicInteger();
        // Never more queued than tickets, so the queue cannot grow past workers + queue.
        this.workers = new ThreadPoolExecutor(ingest.workers(), ingest.workers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(ingest.workers() + ingest.queue()),
                r -> {
                    final Thread t = new Thread(r, "telemetry-ingest-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        preparePartitions();
    }

    /** Creates the partitions of yesterday to {@code partition-days-ahead} days ahead. */
    void preparePartitions() throws SQLException {
        partitions.prepare(Instant.now().atZone(ZoneOffset.UTC).toLocalDate(), config.partitionDaysAhead());
    }

    /** @return a ticket, or empty when the gateway is at its bound of batches in flight */
    public Optional<Ticket> admit() {
        return tickets.tryAcquire() ? Optional.of(new Ticket()) : Optional.empty();
    }

    /** @return the configured limits */
    TelemetryConfig.Ingest limits() {
        return config.ingest();
    }

    private IngestResult ingest(final String token, final byte[] body, final boolean ndjson)
            throws MalformedBatchException, SQLException {
        final LoggerRef logger = credentials.authenticate(token);
        final long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        final ReadingBatch batch = parser.parse(body, ndjson, logger.loggerId(), now);
        final IngestResult result = store.store(logger, batch, now);
        LOG.fine(() -> "stored " + result);
        return result;
    }

    @PreDestroy
    void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "ingestion workers did not finish within 10 s");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
